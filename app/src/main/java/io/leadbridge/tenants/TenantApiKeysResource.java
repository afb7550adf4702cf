package io.leadbridge.tenants;

import io.leadbridge.auth.Role;
import io.leadbridge.storage.PageRequest;
import io.leadbridge.tenants.api.ApiKeyView;
import io.leadbridge.tenants.api.CreateApiKeyRequest;
import io.leadbridge.web.ListResponse;
import io.leadbridge.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** Operator endpoints for a tenant's API keys; thread-safe (delegates to the service). */
@Tag(name = "tenants")
@Path("/v1/tenants/{tenantId}/api-keys")
@RolesAllowed(Role.Names.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class TenantApiKeysResource {

  private final ApiKeyService keys;

  public TenantApiKeysResource(ApiKeyService keys) {
    this.keys = keys;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createTenantApiKey", summary = "Issue an API key for a tenant (the key is shown once)")
  @ApiResponse(responseCode = "201", description = "the key, with its secret this once", headers = @Header(name = "Location", description = "the new object's path", schema = @Schema(type = "string")), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView.class)))
  public Response create(
      @PathParam("tenantId") UUID tenantId, @NotNull @Valid CreateApiKeyRequest request) {
    IssuedApiKey issued = keys.issueTenantKey(tenantId, request.parsedRole(), request.label().strip());
    return Response.created(URI.create("/v1/tenants/" + tenantId + "/api-keys/" + issued.apiKey().id()))
        .entity(ApiKeyView.created(issued))
        .build();
  }

  @GET
  @Operation(operationId = "listTenantApiKeys", summary = "List a tenant's API keys (never their secrets)")
  @ApiResponse(responseCode = "200", description = "a page of keys", useReturnTypeSchema = true)
  public ListResponse<ApiKeyView> list(
      @PathParam("tenantId") UUID tenantId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return ListResponse.of(keys.listTenantKeys(tenantId, PageRequest.of(limit, cursor)), ApiKeyView::of);
  }

  @DELETE
  @Path("/{keyId}")
  // A 204 has no body, so a client that accepts only the error type (as generated ones do) must get it.
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(operationId = "revokeTenantApiKey", summary = "Revoke an API key")
  @ApiResponse(responseCode = "204", description = "revoked")
  public Response revoke(@PathParam("tenantId") UUID tenantId, @PathParam("keyId") UUID keyId) {
    keys.revoke(tenantId, keyId);
    return Response.noContent().build();
  }
}
