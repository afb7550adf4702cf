package io.leadbridge.leads.api;

/**
 * The vehicle the customer offers in trade, as sent; immutable.
 *
 * @param odometerUnits {@code mi} or {@code km}; required with an odometer reading
 */
public record TradeInBody(
    Integer year, String make, String model, Long odometer, String odometerUnits) {}
