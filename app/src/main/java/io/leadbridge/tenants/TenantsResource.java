package io.leadbridge.tenants;

import io.leadbridge.auth.Role;
import io.leadbridge.storage.PageRequest;
import io.leadbridge.tenants.api.CreateTenantRequest;
import io.leadbridge.tenants.api.TenantView;
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

/** Operator endpoints for tenants; thread-safe (delegates to the service). */
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
  public Response create(@NotNull @Valid CreateTenantRequest request) {
    Tenant tenant = tenants.create(request.toNewTenant());
    return Response.created(URI.create("/v1/tenants/" + tenant.id()))
        .entity(TenantView.of(tenant))
        .build();
  }

  @GET
  public ListResponse<TenantView> list(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return ListResponse.of(tenants.list(PageRequest.of(limit, cursor)), TenantView::of);
  }

  @GET
  @Path("/{tenantId}")
  public TenantView get(@PathParam("tenantId") UUID tenantId) {
    return TenantView.of(tenants.get(tenantId));
  }

  @DELETE
  @Path("/{tenantId}")
  public Response offboard(@PathParam("tenantId") UUID tenantId) {
    tenants.offboard(tenantId);
    return Response.noContent().build();
  }
}
