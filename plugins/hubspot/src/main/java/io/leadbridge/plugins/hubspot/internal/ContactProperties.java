package io.leadbridge.plugins.hubspot.internal;

import io.leadbridge.connector.api.lead.Address;
import io.leadbridge.connector.api.lead.Customer;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connector.api.lead.Phone;
import io.leadbridge.connector.api.lead.PhoneType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a lead to HubSpot's standard contact properties; the lead's custom fields (the output of
 * the integration's field mappings) are HubSpot property names and go in as they are, last, so a
 * mapping can override a standard one. Absent values are left out, never sent as empty strings
 * (an empty string clears a HubSpot property). Stateless and thread-safe.
 */
final class ContactProperties {

    private ContactProperties() {
    }

    /**
     * @param lead     the lead
     * @param settings the integration's settings
     * @return the contact's properties; keyed by lead id, they include the lead id property
     */
    static Map<String, String> of(LeadRecord lead, HubSpotSettings settings) {
        Customer customer = lead.customer();
        Map<String, String> properties = new LinkedHashMap<>();
        if (!settings.keyedByEmail()) {
            properties.put(settings.idProperty(), lead.leadId().toString());
        }
        customer.emails().stream().findFirst().ifPresent(email -> properties.put("email", email));
        customer.firstName().ifPresent(name -> properties.put("firstname", name));
        customer.lastName().ifPresent(name -> properties.put("lastname", name));
        firstPhone(customer, true).ifPresent(number -> properties.put("mobilephone", number));
        firstPhone(customer, false).ifPresent(number -> properties.put("phone", number));
        customer.address().ifPresent(address -> putAddress(address, properties));
        lead.comments().ifPresent(comments -> properties.put("message", comments));
        properties.putAll(lead.customFields());
        return properties;
    }

    /** @return the e-mail address the contact is keyed by when idProperty is email */
    static Optional<String> email(LeadRecord lead) {
        return lead.customer().emails().stream().findFirst();
    }

    private static Optional<String> firstPhone(Customer customer, boolean mobile) {
        return customer.phones().stream()
                .filter(phone -> phone.type() != PhoneType.FAX && (phone.type() == PhoneType.MOBILE) == mobile)
                .map(Phone::number)
                .findFirst();
    }

    private static void putAddress(Address address, Map<String, String> properties) {
        address.street().ifPresent(street -> properties.put("address", street));
        address.city().ifPresent(city -> properties.put("city", city));
        address.region().ifPresent(region -> properties.put("state", region));
        address.postalCode().ifPresent(zip -> properties.put("zip", zip));
        address.country().ifPresent(country -> properties.put("country", country));
    }
}
