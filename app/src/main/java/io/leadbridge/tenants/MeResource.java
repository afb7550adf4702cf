package io.leadbridge.tenants;

import io.dropwizard.auth.Auth;
import io.leadbridge.auth.Caller;
import io.leadbridge.auth.Role;
import io.leadbridge.tenants.api.MeView;
import io.leadbridge.tenants.api.TenantView;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/me}: who the presented key is; thread-safe. */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  private final TenantService tenants;

  public MeResource(TenantService tenants) {
    this.tenants = tenants;
  }

  @GET
  @RolesAllowed({Role.Names.OPERATOR, Role.Names.TENANT_ADMIN, Role.Names.TENANT_WRITER})
  public MeView me(@Parameter(hidden = true) @Auth Caller caller) {
    TenantView tenant = caller.tenantId().map(id -> TenantView.of(tenants.get(id))).orElse(null);
    return new MeView(caller.keyId(), caller.role().name(), tenant);
  }
}
