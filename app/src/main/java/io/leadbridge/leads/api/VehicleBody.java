package io.leadbridge.leads.api;

/**
 * A vehicle the customer is interested in, as sent; immutable.
 *
 * @param interest {@code buy}, {@code lease} or {@code sell}
 * @param condition {@code new} or {@code used}
 * @param vin 17 characters, no I, O or Q
 */
public record VehicleBody(
    String interest, String condition, String vin, Integer year, String make, String model, String trim) {}
