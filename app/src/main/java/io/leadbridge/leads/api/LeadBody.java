package io.leadbridge.leads.api;

import io.leadbridge.web.TextRules;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
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
    @Schema(nullable = true, maxLength = LeadFormats.TEXT, pattern = TextRules.SINGLE_LINE) String externalId,
    @Schema(nullable = true, maxLength = LeadFormats.NAME, pattern = TextRules.SINGLE_LINE) String source,
    @Schema(nullable = true) Instant receivedAt,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) CustomerBody customer,
    @ArraySchema(minItems = 1, maxItems = 20) List<VehicleBody> vehicles,
    @Schema(nullable = true) TradeInBody tradeIn,
    @Schema(nullable = true, maxLength = LeadFormats.COMMENTS, pattern = TextRules.PLAIN_TEXT) String comments,
    @Schema(nullable = true, maxProperties = LeadFormats.MAX_CUSTOM_FIELDS, description = "names of 1-100 letters,"
        + " digits, '_', '.' or '-', each with a text of at most 1000 characters")
        Map<String, String> customFields) {}
