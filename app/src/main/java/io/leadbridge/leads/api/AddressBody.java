package io.leadbridge.leads.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A customer's postal address, as sent; immutable.
 *
 * @param country ISO 3166-1 alpha-2, e.g. {@code US}
 */
public record AddressBody(@Schema(nullable = true) String street, @Schema(nullable = true) String city, @Schema(nullable = true) String region, @Schema(nullable = true) String postalCode, @Schema(nullable = true) String country) {}
