package io.leadbridge.plugins.example.internal;

import io.leadbridge.connector.api.lead.Customer;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connector.api.lead.VehicleOfInterest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes a lead as the Example CRM's JSON. Hand-written so that the example needs no library; a
 * real connector would shade in Jackson (see the HubSpot plugin). Stateless and thread-safe.
 */
public final class LeadJson {

    private LeadJson() {
    }

    /**
     * @param lead           the lead
     * @param fallbackSource the source to send when the lead names none
     * @return a JSON object; {@code id} is the Leadbridge lead id, the idempotency key at the vendor
     */
    public static String render(LeadRecord lead, String fallbackSource) {
        Customer customer = lead.customer();
        List<String> fields = new ArrayList<>();
        fields.add(field("id", quote(lead.leadId().toString())));
        fields.add(field("source", quote(lead.source().orElse(fallbackSource))));
        fields.add(field("receivedAt", quote(lead.receivedAt().toString())));
        customer.firstName().ifPresent(name -> fields.add(field("firstName", quote(name))));
        customer.lastName().ifPresent(name -> fields.add(field("lastName", quote(name))));
        fields.add(field("emails", array(customer.emails().stream().map(LeadJson::quote))));
        fields.add(field("phones", array(customer.phones().stream().map(phone -> quote(phone.number())))));
        fields.add(field("vehicles", array(lead.vehicles().stream().map(LeadJson::vehicle))));
        lead.comments().ifPresent(comments -> fields.add(field("comments", quote(comments))));
        return "{" + String.join(",", fields) + "}";
    }

    private static String vehicle(VehicleOfInterest vehicle) {
        List<String> fields = new ArrayList<>();
        vehicle.year().ifPresent(year -> fields.add(field("year", Integer.toString(year))));
        vehicle.make().ifPresent(make -> fields.add(field("make", quote(make))));
        vehicle.model().ifPresent(model -> fields.add(field("model", quote(model))));
        vehicle.vin().ifPresent(vin -> fields.add(field("vin", quote(vin))));
        return "{" + String.join(",", fields) + "}";
    }

    private static String field(String name, String json) {
        return quote(name) + ":" + json;
    }

    private static String array(Stream<String> elements) {
        return elements.collect(Collectors.joining(",", "[", "]"));
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259). */
    static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
