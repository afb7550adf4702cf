package io.leadbridge.simulators.hubspot;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The property definitions of one object type in the simulated portal, fixed when the simulator is built. Immutable. */
final class PropertySchema {
  private final Map<String, PropertyDefinition> byName;

  PropertySchema(Collection<PropertyDefinition> definitions) {
    Map<String, PropertyDefinition> map = new LinkedHashMap<>();
    definitions.forEach(definition -> map.put(definition.name(), definition));
    this.byName = Map.copyOf(map);
  }

  Optional<PropertyDefinition> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  boolean isUnique(String name) {
    return find(name).map(PropertyDefinition::unique).orElse(false);
  }

  List<String> uniquePropertyNames() {
    return byName.values().stream().filter(PropertyDefinition::unique).map(PropertyDefinition::name).toList();
  }
}
