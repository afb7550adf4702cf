package io.leadbridge.leads.api;

import io.leadbridge.leads.Delivery;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * Where one delivery of a lead stands, as {@code GET /v1/leads} shows it; immutable.
 *
 * @param holdReason why a held delivery waits, or why a manual-queue entry was moved while held;
 *     null otherwise
 * @param lastErrorCode the vendor's or the hub's code for the last failure; null when none
 * @param lastErrorMessage the vendor's (redacted) or the hub's message for the last failure; null
 *     when none
 * @param remoteId the record's id at the vendor once delivered; null before
 */
@Schema(name = "LeadDeliveryView")
public record DeliveryView(
    UUID id,
    UUID integrationId,
    @Schema(allowableValues = {"pending", "in_flight", "delivered", "retrying", "held", "dead", "manual", "skipped"}) String status,
    int attempts,
    @Schema(nullable = true, allowableValues = {"connector_not_enabled", "integration_paused", "integration_disabled",
        "connector_quarantined"}) String holdReason,
    @Schema(nullable = true) String lastErrorCode,
    @Schema(nullable = true) String lastErrorMessage,
    @Schema(nullable = true) String remoteId,
    @Schema(nullable = true) Instant nextAttemptAt,
    Instant updatedAt) {

  public static DeliveryView of(Delivery d) {
    return new DeliveryView(d.id(), d.integrationId(), d.status(), d.attempts(),
        d.holdReason().orElse(null),
        d.lastErrorCode().orElse(null), d.lastErrorMessage().orElse(null), d.remoteId().orElse(null), d.nextAttemptAt(), d.updatedAt());
  }
}
