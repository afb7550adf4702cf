package io.leadbridge.leads.api;

import io.leadbridge.leads.Lead;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored lead with its deliveries, as {@code GET /v1/leads[/{leadId}]} shows it; immutable.
 *
 * @param receivedAt the lead's {@code receivedAt}, or the intake time when it had none
 * @param lead the lead as accepted
 */
public record LeadView(
    UUID id,
    @Schema(nullable = true) Instant receivedAt,
    Instant createdAt,
    LeadBody lead,
    List<DeliveryView> deliveries,
    @Schema(nullable = true, description = "the first lead of the same shopper (same e-mail or phone, same vehicle)"
        + " within the duplicate window; null when this lead is the first") UUID duplicateOf) {

  public static LeadView of(Lead lead) {
    return new LeadView(lead.id(), lead.receivedAt(), lead.createdAt(), lead.body(),
        lead.deliveries().stream().map(DeliveryView::of).toList(), lead.duplicateOf().orElse(null));
  }
}
