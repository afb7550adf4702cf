package io.leadbridge.simulators.kms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads KMS JSON 1.1 request fields (strings, base64 blobs, encryption contexts) with KMS's validation errors. Stateless, so thread-safe. */
final class KmsJson {
  private KmsJson() {}

  static String requiredText(JsonNode body, String field) {
    return optionalText(body, field)
        .orElseThrow(
            () -> KmsApiException.validation("1 validation error detected: Value null at '" + field + "' failed to satisfy constraint: Member must not be null"));
  }

  static Optional<String> optionalText(JsonNode body, String field) {
    JsonNode node = body.path(field);
    return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
  }

  static byte[] requiredBlob(JsonNode body, String field) {
    try {
      return Base64.getDecoder().decode(requiredText(body, field));
    } catch (IllegalArgumentException notBase64) {
      throw KmsApiException.badRequest("SerializationException", field + " is not valid base64");
    }
  }

  static Map<String, String> context(JsonNode body, String field) {
    Map<String, String> context = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> pair : body.path(field).properties()) {
      context.put(pair.getKey(), pair.getValue().asText());
    }
    return context;
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
