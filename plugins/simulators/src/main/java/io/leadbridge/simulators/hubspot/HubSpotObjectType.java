package io.leadbridge.simulators.hubspot;

import java.util.List;
import java.util.Optional;

/** The CRM object types the simulator serves, with HubSpot's type ids and default property sets (§1.2–1.4). Immutable. */
enum HubSpotObjectType {
  CONTACTS(
      "contacts",
      "0-1",
      "Contact",
      List.of("createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname")),
  DEALS(
      "deals",
      "0-3",
      "Deal",
      List.of(
          "amount", "closedate", "createdate", "dealname", "dealstage", "hs_lastmodifieddate",
          "hs_object_id", "pipeline"));

  private final String pathName;
  private final String typeId;
  private final String singular;
  private final List<String> defaultProperties;

  HubSpotObjectType(String pathName, String typeId, String singular, List<String> defaultProperties) {
    this.pathName = pathName;
    this.typeId = typeId;
    this.singular = singular;
    this.defaultProperties = defaultProperties;
  }

  String pathName() {
    return pathName;
  }

  String typeId() {
    return typeId;
  }

  String singular() {
    return singular;
  }

  List<String> defaultProperties() {
    return defaultProperties;
  }

  /** The property that holds the last-modified time (contacts and deals name it differently). */
  String lastModifiedProperty() {
    return this == CONTACTS ? "lastmodifieddate" : "hs_lastmodifieddate";
  }

  static Optional<HubSpotObjectType> fromPath(String pathName) {
    for (HubSpotObjectType type : values()) {
      if (type.pathName.equals(pathName)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
