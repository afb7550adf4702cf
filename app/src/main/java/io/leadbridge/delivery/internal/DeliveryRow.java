package io.leadbridge.delivery.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A {@code deliveries} row as operators and tenants see it, with its lead's external id and body
 * for the manual queue; immutable. Texts are the vendor's codes and messages, never secrets.
 *
 * @param leadJson the lead as stored (only read for the manual queue)
 */
public record DeliveryRow(
    UUID id,
    UUID tenantId,
    UUID leadId,
    String externalId,
    UUID integrationId,
    String integrationKind,
    String connectorId,
    String status,
    String holdReason,
    int attempts,
    String lastErrorCode,
    String lastErrorMessage,
    String remoteId,
    Instant nextAttemptAt,
    Instant createdAt,
    Instant updatedAt,
    Instant acknowledgedAt,
    String leadJson) {}
