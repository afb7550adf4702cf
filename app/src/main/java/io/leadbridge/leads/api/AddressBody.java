package io.leadbridge.leads.api;

/**
 * A customer's postal address, as sent; immutable.
 *
 * @param country ISO 3166-1 alpha-2, e.g. {@code US}
 */
public record AddressBody(String street, String city, String region, String postalCode, String country) {}
