package io.leadbridge.leads.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * The 202 body of {@code POST /v1/leads}: the lead's id and the deliveries it queued, at most
 * {@link #MAX_LISTED_DELIVERIES} of them so the body (and the idempotency record that replays it)
 * stays small however many integrations the tenant has; immutable.
 *
 * @param deliveries the first queued deliveries, in the order of the tenant's integrations
 * @param deliveryCount how many deliveries were queued in all; more than listed when the list is cut
 * @param deliveriesUrl where every delivery of the lead is, {@code GET /v1/leads/{id}}
 * @param prospects for an ADF document only: every prospect's lead in document order (the first is
 *     the one above); absent for a JSON lead
 */
public record LeadAcceptedView(
    UUID id,
    List<AcceptedDeliveryView> deliveries,
    int deliveryCount,
    String deliveriesUrl,
    @Schema(nullable = true, description = "ADF documents only: each prospect's lead, in document order")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<LeadAcceptedView> prospects) {

  /** The most deliveries one 202 body lists. */
  public static final int MAX_LISTED_DELIVERIES = 20;

  /** The answer to an ADF document: its first prospect's, with every prospect's listed. */
  public static LeadAcceptedView ofProspects(List<LeadAcceptedView> prospects) {
    LeadAcceptedView first = prospects.get(0);
    return new LeadAcceptedView(first.id(), first.deliveries(), first.deliveryCount(), first.deliveriesUrl(),
        List.copyOf(prospects));
  }

  /** The answer for a lead and all the deliveries it queued, the list cut to the first ones. */
  public static LeadAcceptedView of(UUID leadId, List<AcceptedDeliveryView> queued) {
    return new LeadAcceptedView(leadId, List.copyOf(queued.subList(0, Math.min(queued.size(), MAX_LISTED_DELIVERIES))),
        queued.size(), "/v1/leads/" + leadId, null);
  }
}
