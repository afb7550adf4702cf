package io.leadbridge.simulators.hubspot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Renders a record as HubSpot's v3 object JSON, with either every property or a requested set. Stateless, so thread-safe. */
final class RecordJson {
  private RecordJson() {}

  static Map<String, Object> all(SimulatedRecord record) {
    return render(record, new TreeMap<>(record.properties()));
  }

  /** Only the named properties; a named property the record lacks comes back as null, as in HubSpot. */
  static Map<String, Object> selected(SimulatedRecord record, List<String> propertyNames) {
    Map<String, String> chosen = new TreeMap<>();
    propertyNames.forEach(name -> chosen.put(name, record.properties().get(name)));
    return render(record, chosen);
  }

  /** The {@code properties} query parameter (comma separated), or the type's defaults. */
  static List<String> requestedProperties(Optional<String> parameter, HubSpotObjectType type) {
    return parameter
        .filter(text -> !text.isBlank())
        .map(text -> List.of(text.split(",")))
        .orElse(type.defaultProperties());
  }

  private static Map<String, Object> render(SimulatedRecord record, Map<String, String> properties) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", record.id());
    json.put("properties", properties);
    json.put("createdAt", HubSpotTime.format(record.createdAt()));
    json.put("updatedAt", HubSpotTime.format(record.updatedAt()));
    json.put("archived", false);
    return json;
  }
}
