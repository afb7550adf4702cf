package io.leadbridge.simulators.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** One shared Jackson mapper for the simulators' wire bodies; thread-safe (ObjectMapper is, once configured). */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** Parses a request body; an empty body reads as an empty object. */
  public static JsonNode parse(byte[] body) throws IOException {
    if (body.length == 0) {
      return MAPPER.createObjectNode();
    }
    return MAPPER.readTree(body);
  }

  public static JsonNode emptyObject() {
    return MAPPER.createObjectNode();
  }

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Simulator built a body Jackson cannot write", e);
    }
  }
}
