package io.leadbridge.simulators.hubspot;

import java.util.Set;

/** One CRM property of an object type: its type, whether values are unique (usable as idProperty) and writable. Immutable. */
record PropertyDefinition(String name, PropertyType type, boolean unique, boolean readOnly, Set<String> options) {

  PropertyDefinition {
    options = Set.copyOf(options);
  }

  static PropertyDefinition text(String name) {
    return new PropertyDefinition(name, PropertyType.TEXT, false, false, Set.of());
  }

  static PropertyDefinition uniqueText(String name) {
    return new PropertyDefinition(name, PropertyType.TEXT, true, false, Set.of());
  }

  static PropertyDefinition readOnly(String name) {
    return new PropertyDefinition(name, PropertyType.TEXT, false, true, Set.of());
  }

  static PropertyDefinition enumeration(String name, Set<String> options) {
    return new PropertyDefinition(name, PropertyType.ENUMERATION, false, false, options);
  }
}
