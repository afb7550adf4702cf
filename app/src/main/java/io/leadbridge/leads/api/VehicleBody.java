package io.leadbridge.leads.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A vehicle the customer is interested in, as sent; immutable.
 *
 * @param interest {@code buy}, {@code lease} or {@code sell}
 * @param condition {@code new} or {@code used}
 * @param vin 17 characters, no I, O or Q
 */
public record VehicleBody(
    @Schema(nullable = true, allowableValues = {"buy", "lease", "sell"}) String interest, @Schema(nullable = true, allowableValues = {"new", "used"}) String condition, @Schema(nullable = true) String vin, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer year, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String make, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String model, @Schema(nullable = true) String trim) {}
