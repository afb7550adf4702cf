package io.leadbridge.leads.api;

import java.util.UUID;

/** One delivery as the 202 of {@code POST /v1/leads} names it; immutable. */
public record AcceptedDeliveryView(UUID id, UUID integrationId, String status) {}
