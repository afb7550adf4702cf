package io.leadbridge.simulators.hubspot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** HubSpot's standard contact and deal properties plus the portal's custom ones; one place to read what a portal knows. Stateless, so thread-safe. */
final class DefaultSchemas {
  static final String LEAD_ID_PROPERTY = "leadbridge_lead_id";

  private static final Set<String> LIFECYCLE_STAGES =
      Set.of(
          "subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity",
          "customer", "evangelist", "other");
  private static final Set<String> LEAD_STATUSES =
      Set.of(
          "NEW", "OPEN", "IN_PROGRESS", "OPEN_DEAL", "UNQUALIFIED", "ATTEMPTED_TO_CONTACT",
          "CONNECTED", "BAD_TIMING");

  private DefaultSchemas() {}

  static PropertySchema contacts(Collection<PropertyDefinition> custom) {
    List<PropertyDefinition> all = new ArrayList<>();
    all.add(new PropertyDefinition("email", PropertyType.EMAIL, true, false, Set.of()));
    for (String name :
        List.of(
            "firstname", "lastname", "phone", "mobilephone", "company", "jobtitle", "website",
            "address", "city", "state", "zip", "country", "message", "hubspot_owner_id")) {
      all.add(PropertyDefinition.text(name));
    }
    all.add(PropertyDefinition.enumeration("lifecyclestage", LIFECYCLE_STAGES));
    all.add(PropertyDefinition.enumeration("hs_lead_status", LEAD_STATUSES));
    all.add(PropertyDefinition.readOnly("hs_object_id"));
    all.add(PropertyDefinition.readOnly("createdate"));
    all.add(PropertyDefinition.readOnly("lastmodifieddate"));
    all.addAll(custom);
    return new PropertySchema(all);
  }

  static PropertySchema deals(Collection<PropertyDefinition> custom) {
    List<PropertyDefinition> all = new ArrayList<>();
    for (String name :
        List.of("dealname", "dealstage", "pipeline", "amount", "closedate", "description", "hubspot_owner_id")) {
      all.add(PropertyDefinition.text(name));
    }
    all.add(PropertyDefinition.enumeration("dealtype", Set.of("newbusiness", "existingbusiness")));
    all.add(PropertyDefinition.readOnly("hs_object_id"));
    all.add(PropertyDefinition.readOnly("createdate"));
    all.add(PropertyDefinition.readOnly("hs_lastmodifieddate"));
    all.addAll(custom);
    return new PropertySchema(all);
  }
}
