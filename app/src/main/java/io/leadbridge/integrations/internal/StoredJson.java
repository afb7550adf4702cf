package io.leadbridge.integrations.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadbridge.integrations.FieldMapping;
import java.util.List;
import java.util.Map;

/** The JSON columns of an integration (settings, field mappings); never holds a secret. Thread-safe. */
public final class StoredJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StoredJson() {}

  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store integration JSON", e);
    }
  }

  static Map<String, String> settings(String json) {
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
