package io.leadbridge.web.internal;

import io.leadbridge.web.Problem;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * {@code GET /openapi.json}: the OpenAPI 3 document generated from the registered JAX-RS
 * resources on first request, so it cannot drift from the code; thread-safe.
 */
@Path("/openapi.json")
public class OpenApiDocumentResource {

  private static final String BEARER = "apiKey";
  private static final String RATE_LIMITED = "RateLimited";
  private static final String LIMITS =
      "Every /v1 call spends one unit of its caller's request budget: a tenant's (shared by all its keys) or an"
          + " operator key's, counted separately for reads (GET, HEAD), writes (POST, PUT, PATCH, DELETE) and"
          + " checks (POST .../check), in fixed windows that every node shares. A call over its budget answers 429"
          + " with code rate_limited, a detail naming the limit and Retry-After in whole seconds; it changed nothing.";

  private final Supplier<Set<Class<?>>> resourceClasses;
  private final String version;
  private volatile String document;

  public OpenApiDocumentResource(ResourceConfig jersey, String version) {
    this.resourceClasses = () -> annotatedResources(jersey);
    this.version = version;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String document() {
    String cached = document;
    if (cached == null) {
      cached = Json.pretty(generate());
      document = cached;
    }
    return cached;
  }

  private OpenAPI generate() {
    Components components =
        new Components()
            .addSecuritySchemes(
                BEARER,
                new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("bearer")
                    .description("An API key lb_<keyId>_<secret>"))
            .addResponses(RATE_LIMITED, rateLimited());
    ModelConverters.getInstance().read(Problem.class).forEach(components::addSchemas);
    OpenAPI base =
        new OpenAPI()
            .info(new Info().title("Leadbridge REST API").version(version).description(LIMITS))
            .components(components);
    OpenAPI api =
        new Reader(new SwaggerConfiguration().openAPI(base).prettyPrint(true))
            .read(resourceClasses.get());
    api.getPaths()
        .forEach(
            (path, item) -> {
              if (path.startsWith("/v1/")) {
                item.readOperations().forEach(OpenApiDocumentResource::describeV1);
              }
            });
    return api;
  }

  /** Every /v1 operation takes an API key and may be refused for its caller's request budget. */
  private static void describeV1(Operation op) {
    op.addSecurityItem(new SecurityRequirement().addList(BEARER));
    if (op.getResponses() == null) {
      op.setResponses(new ApiResponses());
    }
    op.getResponses().addApiResponse("429", new ApiResponse().$ref("#/components/responses/" + RATE_LIMITED));
  }

  private static ApiResponse rateLimited() {
    return new ApiResponse()
        .description("rate_limited: the caller's budget for this class of request is spent until its window ends")
        .addHeaderObject(HttpHeaders.RETRY_AFTER, new Header()
            .description("Whole seconds until the window ends (at least 1)")
            .schema(new IntegerSchema().minimum(BigDecimal.ONE)))
        .content(new Content().addMediaType(Problem.MEDIA_TYPE,
            new io.swagger.v3.oas.models.media.MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
  }

  private static Set<Class<?>> annotatedResources(ResourceConfig jersey) {
    Set<Class<?>> classes = new LinkedHashSet<>();
    jersey.getClasses().stream().filter(c -> c.isAnnotationPresent(Path.class)).forEach(classes::add);
    jersey.getSingletons().stream()
        .map(Object::getClass)
        .filter(c -> c.isAnnotationPresent(Path.class))
        .forEach(classes::add);
    return classes;
  }
}
