package io.leadbridge.leads.api;

import io.leadbridge.web.TextRules;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A customer's postal address, as sent; immutable.
 *
 * @param country ISO 3166-1 alpha-2, e.g. {@code US}
 */
public record AddressBody(
    @Schema(nullable = true, maxLength = LeadFormats.TEXT, pattern = TextRules.SINGLE_LINE) String street,
    @Schema(nullable = true, maxLength = LeadFormats.NAME, pattern = TextRules.SINGLE_LINE) String city,
    @Schema(nullable = true, maxLength = LeadFormats.NAME, pattern = TextRules.SINGLE_LINE) String region,
    @Schema(nullable = true, maxLength = LeadFormats.POSTAL_CODE, pattern = TextRules.SINGLE_LINE) String postalCode,
    @Schema(nullable = true, pattern = LeadFormats.COUNTRY) String country) {}
