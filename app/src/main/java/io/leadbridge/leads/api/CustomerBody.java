package io.leadbridge.leads.api;

import java.util.List;

/** The customer of a lead, as sent; immutable. */
public record CustomerBody(
    String firstName, String lastName, List<String> emails, List<PhoneBody> phones, AddressBody address) {}
