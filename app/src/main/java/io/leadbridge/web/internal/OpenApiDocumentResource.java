package io.leadbridge.web.internal;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
    OpenAPI base =
        new OpenAPI()
            .info(new Info().title("Leadbridge REST API").version(version))
            .components(
                new Components()
                    .addSecuritySchemes(
                        BEARER,
                        new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .description("An API key lb_<keyId>_<secret>")));
    OpenAPI api =
        new Reader(new SwaggerConfiguration().openAPI(base).prettyPrint(true))
            .read(resourceClasses.get());
    api.getPaths()
        .forEach(
            (path, item) -> {
              if (path.startsWith("/v1/")) {
                item.readOperations()
                    .forEach(op -> op.addSecurityItem(new SecurityRequirement().addList(BEARER)));
              }
            });
    return api;
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
