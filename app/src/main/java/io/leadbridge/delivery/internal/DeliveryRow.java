package io.leadbridge.delivery.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A {@code deliveries} row as operators and tenants see it; immutable. Texts are the vendor's codes
 * and messages, never secrets. Its lead (external id, body) comes from the leads module.
 *
 * @param holdReason why a held delivery waits; a manual-queue entry moved there while held keeps it
 */
public record DeliveryRow(
    UUID id,
    UUID tenantId,
    UUID leadId,
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
    Instant acknowledgedAt) {

  /** Why a manual-queue entry is there: the hold it was moved out of, else its last failure. */
  public String queueReasonCode() {
    return holdReason != null ? holdReason : lastErrorCode;
  }

  /** The words for {@link #queueReasonCode()}. */
  public String queueReasonMessage() {
    return holdReason != null ? HoldReasons.describe(holdReason) : lastErrorMessage;
  }
}
