package io.leadbridge.leads.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The lead a tenant sends to {@code POST /v1/leads}, as parsed; immutable. Checked by the leads
 * module's validation, not by annotations, because its rules span fields (an e-mail or a phone).
 *
 * @param externalId the tenant's own id for the lead, e.g. a web-form id
 * @param receivedAt when the tenant received the lead; the intake time when absent
 */
public record LeadBody(
    String externalId,
    String source,
    Instant receivedAt,
    CustomerBody customer,
    List<VehicleBody> vehicles,
    TradeInBody tradeIn,
    String comments,
    Map<String, String> customFields) {}
