package io.leadbridge.credentials.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import io.leadbridge.credentials.SecretValue;
import java.io.IOException;
import java.util.Arrays;

/** Jackson bindings of {@link SecretValue}: readable from a request, never writable. Stateless. */
public final class SecretValueJson {

  private SecretValueJson() {}

  /** Throws on every attempt to write a secret, so that no response or log event can carry one. */
  public static final class RefusingSerializer extends JsonSerializer<SecretValue> {
    @Override
    public void serialize(SecretValue value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      throw JsonMappingException.from(gen, "a SecretValue is never serialized");
    }
  }

  /** Reads a JSON string into a secret; anything else is a mapping error that names no value. */
  public static final class Deserializer extends JsonDeserializer<SecretValue> {
    @Override
    public SecretValue deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return (SecretValue) context.handleUnexpectedToken(SecretValue.class, parser);
      }
      char[] chars = parser.getTextCharacters();
      int offset = parser.getTextOffset();
      int length = parser.getTextLength();
      char[] copy = new char[length];
      System.arraycopy(chars, offset, copy, 0, length);
      try {
        return SecretValue.of(copy);
      } catch (IllegalArgumentException e) {
        throw JsonMappingException.from(parser, "a secret must be valid Unicode text");
      } finally {
        Arrays.fill(copy, '\0');
      }
    }
  }
}
