package io.leadbridge.simulators.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One element of a batch upsert's {@code inputs}, parsed. Immutable. */
record UpsertInput(String id, Optional<String> idProperty, Map<String, String> properties, Optional<String> traceId) {

  UpsertInput {
    properties = Map.copyOf(properties);
  }

  static UpsertInput parse(JsonNode input) {
    String id = input.path("id").asText("");
    if (id.isEmpty()) {
      throw HubSpotApiException.validation("Invalid input JSON: every input needs an id");
    }
    return new UpsertInput(
        id,
        text(input, "idProperty"),
        RequestBodies.properties(input),
        text(input, "objectWriteTraceId"));
  }

  /** The key that must be unique within one batch: the id as the id property compares it. */
  String dedupeKey() {
    return idProperty.orElse(IdProperties.OBJECT_ID) + "\u0000" + id.toLowerCase(Locale.ROOT);
  }

  private static Optional<String> text(JsonNode input, String field) {
    JsonNode node = input.path(field);
    return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
  }
}
