package io.leadbridge.connector.api;

import io.leadbridge.connector.api.lead.Address;
import io.leadbridge.connector.api.lead.Condition;
import io.leadbridge.connector.api.lead.Customer;
import io.leadbridge.connector.api.lead.Interest;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connector.api.lead.OdometerUnit;
import io.leadbridge.connector.api.lead.Phone;
import io.leadbridge.connector.api.lead.PhoneType;
import io.leadbridge.connector.api.lead.TradeIn;
import io.leadbridge.connector.api.lead.VehicleOfInterest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** Shared test data: a HubSpot-like descriptor and the lead from API.md. Stateless and thread-safe. */
final class Fixtures {

    static final UUID LEAD_ID = UUID.fromString("5b0d3c6e-3f4a-4c1e-9d7a-2f1e8c9b0a11");

    private Fixtures() {
    }

    static ConnectorDescriptor.Builder descriptor() {
        return ConnectorDescriptor.builder()
                .id("hubspot")
                .displayName("HubSpot CRM")
                .vendor("HubSpot")
                .pluginVersion("1.2.0")
                .capabilities(Capability.UPSERT, Capability.BATCH)
                .credentialField(FieldSpec.builder("accessToken", "Private app access token").secret().required().build())
                .settingsField(FieldSpec.builder("portalId", "Portal id").type(FieldSpec.Type.INTEGER).required().build())
                .settingsField(FieldSpec.builder("idProperty", "Unique property for the lead id")
                        .defaultValue("leadbridge_lead_id").build())
                .settingsField(FieldSpec.builder("createDeals", "Create deals").type(FieldSpec.Type.BOOLEAN)
                        .defaultValue("false").build())
                .defaultBaseUrl("https://api.hubapi.com")
                .defaultRateLimit(RateLimitProfile.of(100, Duration.ofSeconds(10))
                        .withDailyCap(250_000, ZoneId.of("America/Chicago")))
                .maxBatchSize(100);
    }

    static Customer.Builder customer() {
        return Customer.builder()
                .firstName("Dana")
                .lastName("Reyes")
                .email("dana@example.com")
                .phone(Phone.of("+15125550100", PhoneType.MOBILE))
                .address(Address.builder().street("1 Main St").city("Austin").region("TX").postalCode("78701")
                        .country("US").build());
    }

    static LeadRecord.Builder lead() {
        return LeadRecord.builder()
                .leadId(LEAD_ID)
                .externalId("web-form-8812")
                .source("dealer-website")
                .receivedAt(Instant.parse("2026-11-22T10:15:00Z"))
                .customer(customer().build())
                .vehicle(VehicleOfInterest.builder().interest(Interest.BUY).condition(Condition.USED)
                        .vin("1HGCM82633A004352").year(2021).make("Honda").model("Accord").trim("EX").build())
                .tradeIn(TradeIn.builder().year(2015).make("Chevrolet").model("Cruze")
                        .odometer(62_000, OdometerUnit.MILES).build())
                .comments("Wants a test drive Saturday")
                .customField("campaign", "fall-sale");
    }
}
