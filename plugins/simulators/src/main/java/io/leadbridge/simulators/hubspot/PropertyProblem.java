package io.leadbridge.simulators.hubspot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One invalid property value in a write, rendered as an {@code errors[]} entry naming the property. Immutable. */
record PropertyProblem(String code, String message, String propertyName) {

  static PropertyProblem doesNotExist(String name) {
    return new PropertyProblem("PROPERTY_DOESNT_EXIST", "Property \"" + name + "\" does not exist", name);
  }

  static PropertyProblem readOnly(String name) {
    return new PropertyProblem(
        "READ_ONLY_VALUE", "\"" + name + "\" is a read only property; its value cannot be set.", name);
  }

  static PropertyProblem invalidEmail(String name, String value) {
    return new PropertyProblem("INVALID_EMAIL", "Email address " + value + " is invalid", name);
  }

  static PropertyProblem invalidOption(String name, String value, Iterable<String> allowed) {
    return new PropertyProblem(
        "INVALID_OPTION",
        value + " was not one of the allowed options: [" + String.join(", ", allowed) + "]",
        name);
  }

  static PropertyProblem required(String name) {
    return new PropertyProblem("REQUIRED_PROPERTY", "Property \"" + name + "\" is required", name);
  }

  /** The v3 {@code errors[]} element: message, code, and {@code in} naming the property. */
  Map<String, Object> toErrorEntry() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("message", message);
    entry.put("code", code);
    entry.put("in", propertyName);
    entry.put("context", Map.of("propertyName", List.of(propertyName)));
    return entry;
  }

  /** The legacy validation-result shape HubSpot embeds in the top-level message. */
  Map<String, Object> toValidationResult() {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("isValid", false);
    result.put("message", message);
    result.put("error", code);
    result.put("name", propertyName);
    return result;
  }
}
