package io.leadbridge.web.internal;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.List;
import java.util.Map;

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
}
