package io.leadbridge.leads.internal;

import io.leadbridge.leads.api.LeadBody;
import io.leadbridge.leads.api.PhoneBody;
import io.leadbridge.leads.api.VehicleBody;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What makes two leads the same shopper: one of the contacts (a normalised e-mail, an E.164 phone)
 * together with the vehicle of interest (its VIN, or its year, make and model). Each pair is one
 * value to digest; any shared digest within the window marks a duplicate. Stateless.
 */
public final class ShopperKeys {

  private ShopperKeys() {}

  /** The values to digest for a validated lead; empty when it has no vehicle to compare. */
  public static List<String> of(LeadBody lead) {
    if (lead.vehicles() == null || lead.vehicles().isEmpty() || lead.customer() == null) {
      return List.of();
    }
    VehicleBody vehicle = lead.vehicles().get(0);
    List<String> vehicles = new ArrayList<>();
    if (vehicle.vin() != null) {
      vehicles.add("vin:" + vehicle.vin().toUpperCase(Locale.ROOT));
    }
    vehicles.add("model:" + vehicle.year() + "|" + normalised(vehicle.make()) + "|" + normalised(vehicle.model()));
    Set<String> contacts = new LinkedHashSet<>();
    if (lead.customer().emails() != null) {
      lead.customer().emails().forEach(email -> contacts.add("email:" + email.strip().toLowerCase(Locale.ROOT)));
    }
    if (lead.customer().phones() != null) {
      lead.customer().phones().stream().map(PhoneBody::number).forEach(number -> contacts.add("phone:" + number));
    }
    List<String> keys = new ArrayList<>();
    for (String contact : contacts) {
      for (String car : vehicles) {
        keys.add(contact + "\n" + car);
      }
    }
    return keys;
  }

  private static String normalised(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
