package io.leadbridge.plugins.hubspot;

import io.leadbridge.connector.api.lead.Address;
import io.leadbridge.connector.api.lead.Customer;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connector.api.lead.Phone;
import io.leadbridge.connector.api.lead.PhoneType;
import io.leadbridge.connector.api.lead.VehicleOfInterest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** Leads for the connector's tests; stateless and thread-safe. */
final class Leads {

    private Leads() {
    }

    /** A lead of a customer with this e-mail address (or none, when {@code null}). */
    static LeadRecord withEmail(String email) {
        Customer.Builder customer = Customer.builder().firstName("Dana").lastName("Reyes")
                .phone(Phone.of("+15125550100", PhoneType.MOBILE));
        if (email != null) {
            customer.email(email);
        }
        return LeadRecord.builder().leadId(UUID.randomUUID()).receivedAt(Instant.parse("2026-03-10T11:55:00Z"))
                .customer(customer.build())
                .vehicle(VehicleOfInterest.builder().year(2021).make("Honda").model("Accord").trim("EX").build())
                .build();
    }

    /** A lead with every part the connector maps. */
    static LeadRecord complete() {
        return LeadRecord.builder().leadId(UUID.randomUUID()).receivedAt(Instant.parse("2026-03-10T11:55:00Z"))
                .source("dealer-website")
                .customer(Customer.builder().firstName("Dana").lastName("Reyes").email("dana.reyes@example.com")
                        .phone(Phone.of("+15125550100", PhoneType.MOBILE)).phone(Phone.of("+15125550199", PhoneType.WORK))
                        .address(Address.builder().street("1 Main St").city("Austin").region("TX").postalCode("78701")
                                .country("US").build())
                        .build())
                .vehicle(VehicleOfInterest.builder().year(2021).make("Honda").model("Accord").trim("EX").build())
                .comments("Wants a test drive Saturday")
                .customField("company", "Reyes Landscaping")
                .build();
    }

    /** {@code count} leads with distinct e-mail addresses {@code <prefix><n>@example.com}. */
    static List<LeadRecord> many(int count, String prefix) {
        return IntStream.range(0, count).mapToObj(i -> withEmail(prefix + i + "@example.com")).toList();
    }
}
