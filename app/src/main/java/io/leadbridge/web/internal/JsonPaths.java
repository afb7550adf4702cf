package io.leadbridge.web.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders Jackson's reference chain as the API's field path, e.g. {@code customer.emails[0]}. */
final class JsonPaths {

  private JsonPaths() {}

  static String of(List<Reference> path) {
    StringBuilder out = new StringBuilder();
    for (Reference ref : path) {
      if (ref.getFieldName() != null) {
        if (out.length() > 0) {
          out.append('.');
        }
        // A map key is the client's data (a pasted token, say), not a field name: never echo it.
        out.append(ref.getFrom() instanceof Map ? "*" : ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.length() == 0 ? "body" : out.toString();
  }

  /**
   * The parser's refusal of a body that names one field twice (strict duplicate detection), if that
   * is what failed: inside a nested object Jackson wraps it in a mapping failure.
   */
  static Optional<JsonParseException> duplicateField(Throwable failure) {
    for (Throwable at = failure; at != null; at = at.getCause() == at ? null : at.getCause()) {
      if (at instanceof JsonParseException parse && parse.getOriginalMessage() != null
          && parse.getOriginalMessage().startsWith("Duplicate field")) {
        return Optional.of(parse);
      }
    }
    return Optional.empty();
  }

  /**
   * The path of the object in which the parser stopped, e.g. {@code vehicles[0]}; {@code body} at the
   * top. The duplicated name itself is not named: it may be a map key, the client's data.
   */
  static String objectOf(JsonParseException e) {
    JsonParser parser = e.getProcessor();
    if (parser == null) {
      return "body";
    }
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext at = parser.getParsingContext(); at.getParent() != null && !at.getParent().inRoot();
        at = at.getParent()) {
      JsonStreamContext holder = at.getParent();
      parts.addFirst(holder.inArray() ? "[" + holder.getCurrentIndex() + "]" : "." + holder.getCurrentName());
    }
    String path = String.join("", parts);
    return path.isEmpty() ? "body" : path.substring(path.startsWith(".") ? 1 : 0);
  }
}
