package io.leadbridge.leads.api;

import io.leadbridge.web.TextRules;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The customer of a lead, as sent; immutable. */
public record CustomerBody(
    @Schema(nullable = true, maxLength = LeadFormats.NAME, pattern = TextRules.SINGLE_LINE) String firstName,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = LeadFormats.NAME,
        pattern = TextRules.SINGLE_LINE) String lastName,
    @ArraySchema(maxItems = LeadFormats.MAX_CONTACTS, arraySchema = @Schema(nullable = true),
        schema = @Schema(maxLength = LeadFormats.EMAIL_LENGTH, pattern = LeadFormats.EMAIL))
        List<String> emails,
    @ArraySchema(maxItems = LeadFormats.MAX_CONTACTS, arraySchema = @Schema(nullable = true)) List<PhoneBody> phones,
    @Schema(nullable = true) AddressBody address) {}
