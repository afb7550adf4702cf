package io.leadbridge.simulators.hubspot;

import io.leadbridge.simulators.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** HubSpot's error bodies, word for word where VENDOR-API-FACTS §1.1/§1.5/§1.6 quotes them. Stateless, so thread-safe. */
final class ErrorBodies {
  static final String AUTH_MESSAGE =
      "Authentication credentials not found. This API supports both API Key and OAuth 2.0 authentication"
          + " and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview";

  private ErrorBodies() {}

  static Map<String, Object> error(
      String correlationId, String category, String message, List<Map<String, Object>> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "error");
    body.put("message", message);
    body.put("correlationId", correlationId);
    body.put("category", category);
    if (!errors.isEmpty()) {
      body.put("errors", errors);
    }
    return body;
  }

  static Map<String, Object> unauthorized(String correlationId) {
    return error(correlationId, "INVALID_AUTHENTICATION", AUTH_MESSAGE, List.of());
  }

  /** 429 bodies use {@code errorType}, not {@code category}; only the ten-secondly one names its group. */
  static Map<String, Object> rateLimited(
      RateLimitPolicy policy, String correlationId, long appId, long portalId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "error");
    body.put("message", policy.message());
    body.put("errorType", "RATE_LIMIT");
    body.put("correlationId", correlationId);
    body.put("policyName", policy.name());
    if (policy == RateLimitPolicy.TEN_SECONDLY_ROLLING) {
      body.put("groupName", "publicapi:private_app-api-calls-ten-secondly:" + appId + ":" + portalId);
    }
    return body;
  }

  /** HubSpot's "Property values were not valid: [...]" message, embedding the legacy validation results. */
  static String propertyValuesMessage(List<PropertyProblem> problems) {
    byte[] results = Json.write(problems.stream().map(PropertyProblem::toValidationResult).toList());
    return "Property values were not valid: " + new String(results, StandardCharsets.UTF_8);
  }
}
