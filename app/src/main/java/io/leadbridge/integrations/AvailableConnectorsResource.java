package io.leadbridge.integrations;

import io.dropwizard.auth.Auth;
import io.leadbridge.auth.Caller;
import io.leadbridge.auth.Role;
import io.leadbridge.connectors.api.DescriptorView;
import io.leadbridge.web.ListResponse;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;

/** {@code GET /v1/connectors}: the connectors the caller's tenant may use now; thread-safe. */
@Path("/v1/connectors")
@RolesAllowed(Role.Names.TENANT_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AvailableConnectorsResource {

  private final ConnectorDirectory directory;

  public AvailableConnectorsResource(ConnectorDirectory directory) {
    this.directory = directory;
  }

  @GET
  public ListResponse<DescriptorView> list(@Parameter(hidden = true) @Auth Caller caller) {
    return new ListResponse<>(
        directory.availableTo(caller.tenantId().orElseThrow()).stream()
            .sorted(Comparator.comparing(d -> d.id()))
            .map(DescriptorView::of)
            .toList(),
        null);
  }
}
