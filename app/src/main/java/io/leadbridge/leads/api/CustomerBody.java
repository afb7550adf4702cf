package io.leadbridge.leads.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The customer of a lead, as sent; immutable. */
public record CustomerBody(
    @Schema(nullable = true) String firstName, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String lastName, @Schema(nullable = true) List<String> emails, @Schema(nullable = true) List<PhoneBody> phones, @Schema(nullable = true) AddressBody address) {}
