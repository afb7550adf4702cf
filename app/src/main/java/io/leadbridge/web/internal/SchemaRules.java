package io.leadbridge.web.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Rules the generated schemas need that annotations cannot say: the server refuses unknown
 * request fields, so every object a request body can contain forbids additional properties, and
 * patterns match whole values as bean validation applies them; stateless.
 */
final class SchemaRules {

  private static final String REF_PREFIX = "#/components/schemas/";

  private SchemaRules() {}

  static void apply(OpenAPI api) {
    closeRequestObjects(api);
    anchorPatterns(api);
  }

  /**
   * Bean validation's {@code @Pattern} must match the whole value; a JSON Schema pattern matches
   * anywhere in it unless anchored, so every pattern is anchored as the server applies it.
   */
  private static void anchorPatterns(OpenAPI api) {
    Deque<Schema<?>> toVisit = new ArrayDeque<>();
    api.getComponents().getSchemas().values().forEach(toVisit::add);
    api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
      if (op.getParameters() != null) {
        op.getParameters().forEach(p -> toVisit.add(p.getSchema()));
      }
    }));
    Set<Schema<?>> seen = new HashSet<>();
    while (!toVisit.isEmpty()) {
      Schema<?> schema = toVisit.pop();
      if (schema == null || !seen.add(schema)) {
        continue;
      }
      if (schema.getPattern() != null && !schema.getPattern().startsWith("^")) {
        schema.setPattern("^(?:" + schema.getPattern() + ")$");
      }
      if (schema.getProperties() != null) {
        schema.getProperties().values().forEach(toVisit::add);
      }
      if (schema.getItems() != null) {
        toVisit.add(schema.getItems());
      }
      if (schema.getAdditionalProperties() instanceof Schema<?> values) {
        toVisit.add(values);
      }
    }
  }

  private static void closeRequestObjects(OpenAPI api) {
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    Deque<Schema<?>> toVisit = new ArrayDeque<>();
    api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
      if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
        op.getRequestBody().getContent().values().forEach(media -> toVisit.add(media.getSchema()));
      }
    }));
    Set<Schema<?>> seen = new HashSet<>();
    while (!toVisit.isEmpty()) {
      Schema<?> schema = toVisit.pop();
      if (schema == null || !seen.add(schema)) {
        continue;
      }
      if (schema.get$ref() != null) {
        toVisit.add(schemas.get(schema.get$ref().substring(REF_PREFIX.length())));
        continue;
      }
      if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
        schema.setAdditionalProperties(false);
        schema.getProperties().values().forEach(toVisit::add);
      }
      if (schema.getItems() != null) {
        toVisit.add(schema.getItems());
      }
      if (schema.getAdditionalProperties() instanceof Schema<?> values) {
        toVisit.add(values);
      }
    }
  }
}
