package io.leadbridge.web.internal;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Collection;
import java.util.List;

/**
 * {@code GET /openapi.json}: the OpenAPI 3 document of the API's resources, generated on first
 * request from the same classes the build publishes it from; thread-safe.
 */
@Tag(name = "document")
@Path("/openapi.json")
public class OpenApiDocumentResource {

  private final List<Class<?>> resources;
  private final String version;
  private volatile String document;

  public OpenApiDocumentResource(Collection<Class<?>> resources, String version) {
    this.resources = List.copyOf(resources);
    this.version = version;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "getOpenApiDocument", summary = "This document (OpenAPI 3), without authentication")
  @ApiResponse(responseCode = "200", description = "the OpenAPI document",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
  public String document() {
    String cached = document;
    if (cached == null) {
      cached = render(resources, version);
      document = cached;
    }
    return cached;
  }

  /** The document as published: pretty-printed JSON. */
  public static String render(Collection<Class<?>> resources, String version) {
    return Json.pretty(OpenApiDocument.generate(resources, version));
  }
}
