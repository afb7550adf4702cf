package io.leadbridge.leads.api;

/**
 * One phone number of a customer, as sent; immutable.
 *
 * @param number E.164, e.g. {@code +15125550100}
 * @param type {@code cellphone}, {@code mobile}, {@code home}, {@code work}, {@code fax} or {@code other}
 */
public record PhoneBody(String number, String type) {}
