package io.leadbridge.simulators.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.simulators.http.Json;
import io.leadbridge.simulators.http.SimRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads HubSpot request bodies, turning malformed JSON into the 400 a client would see. Stateless, so thread-safe. */
final class RequestBodies {
  private RequestBodies() {}

  static JsonNode json(SimRequest request) {
    try {
      JsonNode body = Json.parse(request.body());
      if (!body.isObject()) {
        throw HubSpotApiException.validation("Invalid input JSON: expected an object");
      }
      return body;
    } catch (JsonProcessingException e) {
      throw HubSpotApiException.validation("Invalid input JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw HubSpotApiException.validation("Invalid input JSON");
    }
  }

  /** The {@code properties} object as strings; HubSpot accepts numbers and booleans and stores their text. */
  static Map<String, String> properties(JsonNode holder) {
    JsonNode node = holder.path("properties");
    Map<String, String> properties = new LinkedHashMap<>();
    if (node.isMissingNode() || node.isNull()) {
      return properties;
    }
    if (!node.isObject()) {
      throw HubSpotApiException.validation("Invalid input JSON: properties must be an object");
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode value = field.getValue();
      properties.put(field.getKey(), value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString());
    }
    return properties;
  }
}
