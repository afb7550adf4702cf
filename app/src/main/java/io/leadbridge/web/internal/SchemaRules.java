package io.leadbridge.web.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Rules the generated schemas need that annotations cannot say: the server refuses unknown
 * request fields, so every object a request body can contain forbids additional properties, and
 * patterns match whole values as bean validation applies them; stateless.
 */
final class SchemaRules {

  private static final String REF_PREFIX = "#/components/schemas/";

  private SchemaRules() {}

  static void apply(OpenAPI api) {
    Map<String, Schema> components = api.getComponents().getSchemas();
    walk(requestBodies(api), components, SchemaRules::closeObject);
    List<Schema<?>> everySchema = new ArrayList<>(parameters(api));
    components.values().forEach(everySchema::add);
    walk(everySchema, components, SchemaRules::anchorPattern);
  }

  private static void closeObject(Schema<?> schema) {
    if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
      schema.setAdditionalProperties(false);
    }
  }

  /**
   * Bean validation's {@code @Pattern} must match the whole value; a JSON Schema pattern matches
   * anywhere in it unless anchored, so every pattern is anchored as the server applies it.
   */
  private static void anchorPattern(Schema<?> schema) {
    if (schema.getPattern() != null && !schema.getPattern().startsWith("^")) {
      schema.setPattern("^(?:" + schema.getPattern() + ")$");
    }
  }

  /** Visits each schema reachable from the roots once: through references, properties, items and map values. */
  private static void walk(List<Schema<?>> roots, Map<String, Schema> components, Consumer<Schema<?>> visit) {
    Deque<Schema<?>> toVisit = new ArrayDeque<>();
    roots.forEach(toVisit::add);
    Set<Schema<?>> seen = new HashSet<>();
    while (!toVisit.isEmpty()) {
      Schema<?> schema = toVisit.pop();
      if (schema == null || !seen.add(schema)) {
        continue;
      }
      if (schema.get$ref() != null) {
        toVisit.add(components.get(schema.get$ref().substring(REF_PREFIX.length())));
        continue;
      }
      visit.accept(schema);
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

  private static List<Schema<?>> requestBodies(OpenAPI api) {
    List<Schema<?>> bodies = new ArrayList<>();
    api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
      if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
        op.getRequestBody().getContent().values().forEach(media -> bodies.add(media.getSchema()));
      }
    }));
    return bodies;
  }

  private static List<Schema<?>> parameters(OpenAPI api) {
    List<Schema<?>> schemas = new ArrayList<>();
    api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
      if (op.getParameters() != null) {
        op.getParameters().forEach(p -> schemas.add(p.getSchema()));
      }
    }));
    return schemas;
  }
}
