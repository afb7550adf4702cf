package io.leadbridge.tenants;

import io.leadbridge.auth.Role;
import io.leadbridge.storage.PageRequest;
import io.leadbridge.tenants.api.CreateTenantRequest;
import io.leadbridge.tenants.api.TenantView;
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

/** Operator endpoints for tenants; thread-safe (delegates to the service). */
@Tag(name = "tenants")
@Path("/v1/tenants")
@RolesAllowed(Role.Names.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class TenantsResource {

  private final TenantService tenants;

  public TenantsResource(TenantService tenants) {
    this.tenants = tenants;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createTenant", summary = "Create a tenant")
  @ApiResponse(responseCode = "201", description = "the tenant", headers = @Header(name = "Location", description = "the new object's path", schema = @Schema(type = "string")), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TenantView.class)))
  public Response create(@NotNull @Valid CreateTenantRequest request) {
    Tenant tenant = tenants.create(request.toNewTenant());
    return Response.created(URI.create("/v1/tenants/" + tenant.id()))
        .entity(TenantView.of(tenant))
        .build();
  }

  @GET
  @Operation(operationId = "listTenants", summary = "List tenants")
  @ApiResponse(responseCode = "200", description = "a page of tenants", useReturnTypeSchema = true)
  public ListResponse<TenantView> list(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return ListResponse.of(tenants.list(PageRequest.of(limit, cursor)), TenantView::of);
  }

  @GET
  @Path("/{tenantId}")
  @Operation(operationId = "getTenant", summary = "Read a tenant")
  @ApiResponse(responseCode = "200", description = "the tenant", useReturnTypeSchema = true)
  public TenantView get(@PathParam("tenantId") UUID tenantId) {
    return TenantView.of(tenants.get(tenantId));
  }

  @DELETE
  @Path("/{tenantId}")
  // A 204 has no body, so a client that accepts only the error type (as generated ones do) must get it.
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(operationId = "offboardTenant", summary = "Offboard a tenant: disable its keys, crypto-shred its credentials, keep its audit trail")
  @ApiResponse(responseCode = "204", description = "offboarded")
  public Response offboard(@PathParam("tenantId") UUID tenantId) {
    tenants.offboard(tenantId);
    return Response.noContent().build();
  }
}
