package io.leadbridge.leads.api;

import io.leadbridge.web.TextRules;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A vehicle the customer is interested in, as sent; immutable.
 *
 * @param interest {@code buy}, {@code lease} or {@code sell}
 * @param condition {@code new} or {@code used}
 * @param vin 17 characters, no I, O or Q
 */
public record VehicleBody(
    @Schema(nullable = true, allowableValues = {"buy", "lease", "sell"}) String interest,
    @Schema(nullable = true, allowableValues = {"new", "used"}) String condition,
    @Schema(nullable = true, pattern = LeadFormats.VIN) String vin,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "" + LeadFormats.FIRST_MODEL_YEAR,
        description = "a model year from 1900 to two years after the current one") Integer year,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = LeadFormats.NAME,
        pattern = TextRules.SINGLE_LINE) String make,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = LeadFormats.NAME,
        pattern = TextRules.SINGLE_LINE) String model,
    @Schema(nullable = true, maxLength = LeadFormats.NAME, pattern = TextRules.SINGLE_LINE) String trim) {}
