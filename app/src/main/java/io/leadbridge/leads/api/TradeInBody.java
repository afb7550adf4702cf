package io.leadbridge.leads.api;

import io.leadbridge.web.TextRules;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The vehicle the customer offers in trade, as sent; immutable.
 *
 * @param odometerUnits {@code mi} or {@code km}; required with an odometer reading
 */
public record TradeInBody(
    @Schema(nullable = true, minimum = "" + LeadFormats.FIRST_MODEL_YEAR) Integer year,
    @Schema(nullable = true, maxLength = LeadFormats.NAME, pattern = TextRules.SINGLE_LINE) String make,
    @Schema(nullable = true, maxLength = LeadFormats.NAME, pattern = TextRules.SINGLE_LINE) String model,
    @Schema(nullable = true, minimum = "0", maximum = "" + LeadFormats.MAX_ODOMETER) Long odometer,
    @Schema(nullable = true, allowableValues = {"mi", "km"}) String odometerUnits) {}
