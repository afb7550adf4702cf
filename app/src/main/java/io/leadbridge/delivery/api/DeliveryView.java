package io.leadbridge.delivery.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadbridge.delivery.internal.DeliveryRow;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A delivery as operators see it in the dead-letter and held lists; immutable. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(
    UUID id,
    UUID tenantId,
    UUID leadId,
    @Schema(nullable = true) String externalId,
    UUID integrationId,
    @Schema(allowableValues = {"third_party", "internal"}) String integrationKind,
    @Schema(nullable = true) String connector,
    @Schema(allowableValues = {"pending", "in_flight", "delivered", "retrying", "held", "dead", "manual", "skipped"}) String status,
    @Schema(nullable = true, allowableValues = {"connector_not_enabled", "integration_paused", "integration_disabled",
        "connector_quarantined"}) String holdReason,
    int attempts,
    @Schema(nullable = true) String lastErrorCode,
    @Schema(nullable = true) String lastErrorMessage,
    @Schema(nullable = true) String remoteId,
    @Schema(nullable = true) Instant nextAttemptAt,
    Instant createdAt,
    Instant updatedAt) {

  /** @param externalId the lead's external id, if it has one */
  public static DeliveryView of(DeliveryRow row, Optional<String> externalId) {
    return new DeliveryView(row.id(), row.tenantId(), row.leadId(), externalId.orElse(null), row.integrationId(),
        row.integrationKind(), row.connectorId(), row.status(), row.holdReason(), row.attempts(), row.lastErrorCode(),
        row.lastErrorMessage(), row.remoteId(), row.nextAttemptAt(), row.createdAt(), row.updatedAt());
  }
}
