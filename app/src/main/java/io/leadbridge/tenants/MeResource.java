package io.leadbridge.tenants;

import io.dropwizard.auth.Auth;
import io.leadbridge.auth.Caller;
import io.leadbridge.auth.Role;
import io.leadbridge.tenants.api.MeView;
import io.leadbridge.tenants.api.TenantView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/me}: who the presented key is; thread-safe. */
@Tag(name = "tenants")
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  private final TenantService tenants;

  public MeResource(TenantService tenants) {
    this.tenants = tenants;
  }

  @GET
  @RolesAllowed({Role.Names.OPERATOR, Role.Names.TENANT_ADMIN, Role.Names.TENANT_WRITER})
  @Operation(operationId = "getMe", summary = "The calling key's role and tenant")
  @ApiResponse(responseCode = "200", description = "who the key is", useReturnTypeSchema = true)
  public MeView me(@Parameter(hidden = true) @Auth Caller caller) {
    TenantView tenant = caller.tenantId().map(id -> TenantView.of(tenants.get(id))).orElse(null);
    return new MeView(caller.keyId(), caller.role().name(), tenant);
  }
}
