package io.leadbridge.simulators.hubspot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Checks a write's property values against the portal schema: unknown, read-only, bad email, bad option. Stateless, so thread-safe. */
final class PropertyValidator {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private PropertyValidator() {}

  static List<PropertyProblem> validate(Map<String, String> properties, PropertySchema schema) {
    List<PropertyProblem> problems = new ArrayList<>();
    properties.forEach(
        (name, value) -> {
          PropertyDefinition definition = schema.find(name).orElse(null);
          if (definition == null) {
            problems.add(PropertyProblem.doesNotExist(name));
          } else if (definition.readOnly()) {
            problems.add(PropertyProblem.readOnly(name));
          } else if (!value.isEmpty()) {
            checkValue(definition, value, problems);
          }
        });
    return problems;
  }

  private static void checkValue(PropertyDefinition definition, String value, List<PropertyProblem> problems) {
    if (definition.type() == PropertyType.EMAIL && !EMAIL.matcher(value).matches()) {
      problems.add(PropertyProblem.invalidEmail(definition.name(), value));
    } else if (definition.type() == PropertyType.ENUMERATION && !definition.options().contains(value)) {
      problems.add(PropertyProblem.invalidOption(definition.name(), value, new TreeSet<>(definition.options())));
    }
  }
}
