package io.leadbridge.integrations.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadbridge.errors.FieldError;
import io.leadbridge.integrations.FieldMapping;
import io.leadbridge.integrations.IntegrationException.InvalidIntegration;
import java.util.List;
import java.util.Map;

/** The JSON columns of an integration (settings, headers, field mappings); never holds a secret. Thread-safe. */
public final class StoredJson {

  /** What a JSON column holds, in characters. */
  public static final int MAX_STORED_JSON = 20_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private StoredJson() {}

  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store integration JSON", e);
    }
  }

  /**
   * The value as JSON for a column; more than the column holds is the client's mistake.
   *
   * @throws InvalidIntegration naming {@code field} when it is too large
   */
  public static String writeSized(String field, Object value) {
    String json = write(value);
    if (json.length() > MAX_STORED_JSON) {
      throw new InvalidIntegration(List.of(new FieldError(field, "is too large: at most " + MAX_STORED_JSON
          + " characters as JSON")));
    }
    return json;
  }

  static List<String> strings(String json) {
    return read(json, new TypeReference<List<String>>() {});
  }

  static Map<String, String> stringMap(String json) {
    return read(json, new TypeReference<Map<String, String>>() {});
  }

  static List<FieldMapping> mappings(String json) {
    return read(json, new TypeReference<List<FieldMapping>>() {});
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored integration JSON is unreadable", e);
    }
  }
}
