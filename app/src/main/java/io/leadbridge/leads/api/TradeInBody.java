package io.leadbridge.leads.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The vehicle the customer offers in trade, as sent; immutable.
 *
 * @param odometerUnits {@code mi} or {@code km}; required with an odometer reading
 */
public record TradeInBody(
    @Schema(nullable = true) Integer year, @Schema(nullable = true) String make, @Schema(nullable = true) String model, @Schema(nullable = true) Long odometer, @Schema(nullable = true, allowableValues = {"mi", "km"}) String odometerUnits) {}
