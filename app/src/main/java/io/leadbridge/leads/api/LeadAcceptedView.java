package io.leadbridge.leads.api;

import java.util.List;
import java.util.UUID;

/** The 202 body of {@code POST /v1/leads}: the lead's id and the deliveries it queued; immutable. */
public record LeadAcceptedView(UUID id, List<AcceptedDeliveryView> deliveries) {}
