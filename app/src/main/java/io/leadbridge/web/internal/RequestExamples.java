package io.leadbridge.web.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;

/**
 * Puts the request examples of the API's reference (one JSON file per operation id under
 * {@code io/leadbridge/web/examples/}) into the document's request bodies, so generated docs and
 * clients show a body the hub accepts; {@code OpenApiDocumentTest} checks each against its schema.
 * Stateless.
 */
final class RequestExamples {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FOLDER = "/io/leadbridge/web/examples/";
  private static final String JSON_MEDIA_TYPE = "application/json";

  private RequestExamples() {}

  static void addTo(OpenAPI api) {
    api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
      if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
        return;
      }
      MediaType json = op.getRequestBody().getContent().get(JSON_MEDIA_TYPE);
      Object example = read(op.getOperationId());
      if (json != null && example != null) {
        json.setExample(example);
      }
    }));
  }

  /** The example as ordered maps and lists, or null when the operation has none. */
  private static Object read(String operationId) {
    try (InputStream in = RequestExamples.class.getResourceAsStream(FOLDER + operationId + ".json")) {
      return in == null ? null : JSON.readValue(in, LinkedHashMap.class);
    } catch (IOException e) {
      throw new UncheckedIOException("example " + operationId + " is not JSON", e);
    }
  }
}
