package io.leadbridge.web.internal;

import io.leadbridge.storage.PageRequest;
import io.leadbridge.web.Problem;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the OpenAPI 3 document from the API's resource classes — their JAX-RS and bean-validation
 * annotations, their declared successes — and adds the problem responses every operation of a
 * kind can give, so the document cannot drift from the code; stateless.
 */
public final class OpenApiDocument {

  private static final String BEARER = "apiKey";
  private static final String TEXT_CSV = "text/csv";
  private static final String DESCRIPTION =
      """
      Dealerships send each lead once; Leadbridge delivers it to every integration the tenant has switched on.

      Every /v1 call takes `Authorization: Bearer lb_<keyId>_<secret>`. Errors are RFC 9457 problem details \
      (`application/problem+json`) whose `code` clients branch on; new codes may be added, existing ones never \
      change meaning. Responses may gain fields within v1: clients ignore fields they do not know. Requests \
      may not carry fields an operation does not document (400 `unknown_field`).

      Every /v1 call spends one unit of its caller's request budget: a tenant's (shared by all its keys) or an \
      operator key's, counted separately for reads (GET, HEAD), writes (POST, PUT, PATCH, DELETE) and checks \
      (POST .../check), in fixed windows that every node shares. A call over its budget answers 429 with code \
      rate_limited, a detail naming the limit and Retry-After in whole seconds; it changed nothing.""";

  private OpenApiDocument() {}

  /** The document for these resource classes, published as this release version. */
  public static OpenAPI generate(Collection<Class<?>> resources, String version) {
    Components components =
        new Components()
            .addSecuritySchemes(
                BEARER,
                new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("bearer")
                    .description("An API key lb_<keyId>_<secret>"));
    ModelConverters.getInstance().readAll(Problem.class).forEach(components::addSchemas);
    ProblemResponses.addTo(components);
    OpenAPI base =
        new OpenAPI()
            .info(new Info().title("Leadbridge REST API").version(version).description(DESCRIPTION))
            .tags(List.of(
                new Tag().name("tenants").description("Operators create tenants and their keys; any key asks who it is"),
                new Tag().name("integrations").description("A tenant's CRM connectors and its own webhook receivers"),
                new Tag().name("leads").description("Leads in, their deliveries, and the manual queue"),
                new Tag().name("operations").description("Operators: plugins, rollout, deliveries across tenants, audit"),
                new Tag().name("document").description("This document")))
            .components(components);
    OpenAPI api =
        new Reader(new SwaggerConfiguration().openAPI(base).prettyPrint(true))
            .read(new LinkedHashSet<>(resources));
    api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> describe(path, method, op)));
    SchemaRules.apply(api);
    RequestExamples.addTo(api);
    return api;
  }

  /** Every list pages with {@link PageRequest}: the same limit range and an opaque cursor. */
  private static void describePaging(Parameter parameter) {
    if (!"query".equals(parameter.getIn())) {
      return;
    }
    if ("limit".equals(parameter.getName())) {
      parameter.description("Items per page (400 invalid_page_request outside the range)")
          .schema(new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(PageRequest.MAX_LIMIT))
              ._default(PageRequest.DEFAULT_LIMIT));
    } else if ("cursor".equals(parameter.getName())) {
      parameter.description("The nextCursor of the previous page, as given (400 invalid_page_request otherwise)");
    }
  }

  /** Adds the security requirement and the problem answers an operation of this shape can give. */
  private static void describe(String path, PathItem.HttpMethod method, Operation op) {
    if (op.getResponses() == null) {
      op.setResponses(new ApiResponses());
    }
    Set<Integer> statuses = new LinkedHashSet<>(List.of(406, 500));
    if (path.startsWith("/v1/")) {
      op.addSecurityItem(new SecurityRequirement().addList(BEARER));
      statuses.addAll(List.of(401, 403, 429, 503));
      if (method != PathItem.HttpMethod.GET) {
        statuses.add(409);
      }
      if (path.endsWith("/check")) {
        statuses.add(504);
      }
    }
    List<Parameter> parameters = op.getParameters() == null ? List.of() : op.getParameters();
    parameters.forEach(OpenApiDocument::describePaging);
    op.getResponses().values().stream()
        .filter(response -> response.getContent() != null && response.getContent().containsKey(TEXT_CSV))
        .forEach(response -> response.getContent().get(TEXT_CSV).setSchema(new StringSchema()));
    if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
      statuses.add(404);
    }
    if (parameters.stream().anyMatch(p -> "query".equals(p.getIn()) || "header".equals(p.getIn()))) {
      statuses.add(400);
    }
    if (op.getRequestBody() != null) {
      statuses.addAll(List.of(400, 413, 415, 422));
    }
    statuses.forEach(status -> ProblemResponses.addIfAbsent(op.getResponses(), status));
  }
}
