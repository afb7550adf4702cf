package io.leadbridge.simulators.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** One search filter ({@code propertyName}, {@code operator}, {@code value|values}); string matching is case-insensitive. Immutable. */
record SearchFilter(String propertyName, String operator, String value, List<String> values) {
  private static final Set<String> SUPPORTED =
      Set.of("EQ", "NEQ", "IN", "NOT_IN", "HAS_PROPERTY", "NOT_HAS_PROPERTY", "CONTAINS_TOKEN");

  SearchFilter {
    values = List.copyOf(values);
  }

  static SearchFilter parse(JsonNode filter, PropertySchema schema) {
    String propertyName = filter.path("propertyName").asText("");
    String operator = filter.path("operator").asText("");
    if (schema.find(propertyName).isEmpty()) {
      throw HubSpotApiException.validation("Property \"" + propertyName + "\" does not exist");
    }
    if (!SUPPORTED.contains(operator)) {
      throw HubSpotApiException.validation(
          "Operator " + operator + " is not supported by the simulator; use one of " + SUPPORTED);
    }
    List<String> values = new ArrayList<>();
    filter.path("values").forEach(each -> values.add(each.asText()));
    return new SearchFilter(propertyName, operator, filter.path("value").asText(""), values);
  }

  boolean matches(SimulatedRecord record) {
    String actual = record.properties().get(propertyName);
    switch (operator) {
      case "EQ":
        return actual != null && actual.equalsIgnoreCase(value);
      case "NEQ":
        return actual == null || !actual.equalsIgnoreCase(value);
      case "IN":
        return actual != null && values.stream().anyMatch(actual::equalsIgnoreCase);
      case "NOT_IN":
        return actual == null || values.stream().noneMatch(actual::equalsIgnoreCase);
      case "HAS_PROPERTY":
        return actual != null;
      case "NOT_HAS_PROPERTY":
        return actual == null;
      default:
        return actual != null && containsToken(actual);
    }
  }

  private boolean containsToken(String actual) {
    String token = value.replace("*", "").toLowerCase(Locale.ROOT);
    return actual.toLowerCase(Locale.ROOT).contains(token);
  }
}
