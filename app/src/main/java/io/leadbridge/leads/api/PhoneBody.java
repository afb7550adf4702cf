package io.leadbridge.leads.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One phone number of a customer, as sent; immutable.
 *
 * @param number E.164, e.g. {@code +15125550100}
 * @param type {@code cellphone}, {@code mobile}, {@code home}, {@code work}, {@code fax} or {@code other}
 */
public record PhoneBody(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = LeadFormats.E164) String number,
    @Schema(nullable = true, allowableValues = {"cellphone", "mobile", "home", "work", "fax", "other"}) String type) {}
