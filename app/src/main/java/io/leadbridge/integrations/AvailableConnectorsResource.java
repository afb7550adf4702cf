package io.leadbridge.integrations;

import io.dropwizard.auth.Auth;
import io.leadbridge.auth.Caller;
import io.leadbridge.auth.Role;
import io.leadbridge.connectors.api.DescriptorView;
import io.leadbridge.integrations.api.StartedConnectorView;
import io.leadbridge.web.ListResponse;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;

/**
 * {@code GET /v1/connectors}: for a tenant admin, the connectors the caller's tenant may use now; for
 * an operator, every started connector and whether its flag can open it for anyone, and why not.
 * Thread-safe.
 */
@Path("/v1/connectors")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.OPERATOR})
@Produces(MediaType.APPLICATION_JSON)
public class AvailableConnectorsResource {

  private final ConnectorDirectory directory;

  public AvailableConnectorsResource(ConnectorDirectory directory) {
    this.directory = directory;
  }

  @GET
  public ListResponse<?> list(@Parameter(hidden = true) @Auth Caller caller) {
    if (caller.role() == Role.OPERATOR) {
      return new ListResponse<>(
          directory.startedConnectors().stream()
              .map(StartedConnectorView::of)
              .sorted(Comparator.comparing(StartedConnectorView::id))
              .toList(),
          null);
    }
    return new ListResponse<>(
        directory.availableTo(caller.tenantId().orElseThrow()).stream()
            .sorted(Comparator.comparing(d -> d.id()))
            .map(DescriptorView::of)
            .toList(),
        null);
  }
}
