package io.leadbridge.tenants;

import io.leadbridge.auth.Role;
import io.leadbridge.storage.PageRequest;
import io.leadbridge.tenants.api.ApiKeyView;
import io.leadbridge.tenants.api.CreateApiKeyRequest;
import io.leadbridge.web.ListResponse;
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
  public Response create(
      @PathParam("tenantId") UUID tenantId, @NotNull @Valid CreateApiKeyRequest request) {
    IssuedApiKey issued = keys.issueTenantKey(tenantId, request.parsedRole(), request.label().strip());
    return Response.created(URI.create("/v1/tenants/" + tenantId + "/api-keys/" + issued.apiKey().id()))
        .entity(ApiKeyView.created(issued))
        .build();
  }

  @GET
  public ListResponse<ApiKeyView> list(
      @PathParam("tenantId") UUID tenantId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return ListResponse.of(keys.listTenantKeys(tenantId, PageRequest.of(limit, cursor)), ApiKeyView::of);
  }

  @DELETE
  @Path("/{keyId}")
  public Response revoke(@PathParam("tenantId") UUID tenantId, @PathParam("keyId") UUID keyId) {
    keys.revoke(tenantId, keyId);
    return Response.noContent().build();
  }
}
