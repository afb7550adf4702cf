package io.leadbridge.plugins.adf;

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
import java.time.Instant;
import java.util.UUID;

/** Leads for the tests: API.md's, a minimal one, and one made of what breaks naive XML. Stateless. */
final class Leads {

    /** Texts that end or open markup, in every field that takes text. */
    static final String HOSTILE = "Tom & \"Jerry\" <b>'s</b> ]]> <!-- x --> </comments><vehicle>&amp;";

    private Leads() {
    }

    static LeadRecord apiMd() {
        return LeadRecord.builder().leadId(UUID.randomUUID()).externalId("web-form-8812").source("dealer-website")
                .receivedAt(Instant.parse("2026-11-22T10:15:00Z"))
                .customer(Customer.builder().firstName("Dana").lastName("Reyes").email("dana@example.com")
                        .phone(Phone.of("+15125550100", PhoneType.MOBILE))
                        .address(Address.builder().street("1 Main St").city("Austin").region("TX").postalCode("78701")
                                .country("US").build())
                        .build())
                .vehicle(VehicleOfInterest.builder().interest(Interest.BUY).condition(Condition.USED)
                        .vin("1HGCM82633A004352").year(2021).make("Honda").model("Accord").trim("EX").build())
                .tradeIn(TradeIn.builder().year(2015).make("Chevrolet").model("Cruze").odometer(62000, OdometerUnit.MILES)
                        .build())
                .comments("Wants a test drive Saturday")
                .customField("campaign", "fall-sale")
                .build();
    }

    static LeadRecord minimal() {
        return LeadRecord.builder().leadId(UUID.randomUUID()).receivedAt(Instant.parse("2026-11-22T10:15:00Z"))
                .customer(Customer.builder().lastName("Reyes").phone(Phone.of("+15125550100", PhoneType.HOME)).build())
                .vehicle(VehicleOfInterest.builder().year(2024).make("Kia").model("EV9").build())
                .build();
    }

    /** Markup in every text, non-ASCII names, and characters XML 1.0 cannot carry at all. */
    static LeadRecord hostile() {
        return LeadRecord.builder().leadId(UUID.randomUUID()).source(HOSTILE)
                .receivedAt(Instant.parse("2026-11-22T10:15:00Z"))
                .customer(Customer.builder().firstName("Zoë Ünal 李 🚗").lastName(HOSTILE).email("o'brien+x@example.com")
                        .address(Address.builder().street(HOSTILE).city("Zürich").build())
                        .build())
                .vehicle(VehicleOfInterest.builder().year(2021).make(HOSTILE).model("Model \u0000\u0007\uFFFE S")
                        .trim(HOSTILE).build())
                .comments(HOSTILE + "\nsecond line\r\n\tthird")
                .customField("a&b", HOSTILE)
                .build();
    }
}
