package io.leadbridge.delivery.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadbridge.delivery.internal.DeliveryRow;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A delivery as operators see it in the dead-letter and held lists; immutable. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(
    UUID id,
    UUID tenantId,
    UUID leadId,
    String externalId,
    UUID integrationId,
    String integrationKind,
    String connector,
    String status,
    String holdReason,
    int attempts,
    String lastErrorCode,
    String lastErrorMessage,
    String remoteId,
    Instant nextAttemptAt,
    Instant createdAt,
    Instant updatedAt) {

  /** @param externalId the lead's external id, if it has one */
  public static DeliveryView of(DeliveryRow row, Optional<String> externalId) {
    return new DeliveryView(row.id(), row.tenantId(), row.leadId(), externalId.orElse(null), row.integrationId(),
        row.integrationKind(), row.connectorId(), row.status(), row.holdReason(), row.attempts(), row.lastErrorCode(),
        row.lastErrorMessage(), row.remoteId(), row.nextAttemptAt(), row.createdAt(), row.updatedAt());
  }
}
