package io.leadbridge.simulators.hubspot;

import java.util.List;
import java.util.Map;

/** An error answer an endpoint gives, turned into HubSpot's error body in one place (the handler). Immutable. */
final class HubSpotApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String category;
  private final transient List<Map<String, Object>> errors;

  HubSpotApiException(int status, String category, String message, List<Map<String, Object>> errors) {
    super(message, null, false, false);
    this.status = status;
    this.category = category;
    this.errors = List.copyOf(errors);
  }

  static HubSpotApiException validation(String message) {
    return new HubSpotApiException(400, "VALIDATION_ERROR", message, List.of());
  }

  static HubSpotApiException invalidProperties(List<PropertyProblem> problems) {
    return new HubSpotApiException(
        400,
        "VALIDATION_ERROR",
        ErrorBodies.propertyValuesMessage(problems),
        problems.stream().map(PropertyProblem::toErrorEntry).toList());
  }

  static HubSpotApiException notFound(String message) {
    return new HubSpotApiException(404, "OBJECT_NOT_FOUND", message, List.of());
  }

  static HubSpotApiException conflict(String message) {
    return new HubSpotApiException(409, "CONFLICT", message, List.of());
  }

  int status() {
    return status;
  }

  String category() {
    return category;
  }

  List<Map<String, Object>> errors() {
    return errors;
  }
}
