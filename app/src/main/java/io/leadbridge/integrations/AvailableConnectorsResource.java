package io.leadbridge.integrations;

import io.dropwizard.auth.Auth;
import io.leadbridge.auth.Caller;
import io.leadbridge.auth.Role;
import io.leadbridge.connectors.api.DescriptorView;
import io.leadbridge.integrations.api.ConnectorList;
import io.leadbridge.integrations.api.StartedConnectorView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.DiscriminatorMapping;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "integrations")
@Path("/v1/connectors")
@RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.OPERATOR})
@Produces(MediaType.APPLICATION_JSON)
public class AvailableConnectorsResource {

  private final ConnectorDirectory directory;

  public AvailableConnectorsResource(ConnectorDirectory directory) {
    this.directory = directory;
  }

  @GET
  @Operation(operationId = "listConnectors", summary = "Connectors this tenant may use now (an operator sees every started one)")
  @ApiResponse(responseCode = "200", description = "the connectors", content = @Content(mediaType = MediaType.APPLICATION_JSON,
      schema = @Schema(oneOf = {ConnectorList.ForTenant.class, ConnectorList.ForOperator.class},
          discriminatorProperty = "view", discriminatorMapping = {
              @DiscriminatorMapping(value = "tenant", schema = ConnectorList.ForTenant.class),
              @DiscriminatorMapping(value = "operator", schema = ConnectorList.ForOperator.class)})))
  public ConnectorList list(@Parameter(hidden = true) @Auth Caller caller) {
    if (caller.role() == Role.OPERATOR) {
      return new ConnectorList.ForOperator(
          directory.startedConnectors().stream()
              .map(StartedConnectorView::of)
              .sorted(Comparator.comparing(StartedConnectorView::id))
              .toList());
    }
    return new ConnectorList.ForTenant(
        directory.availableTo(caller.tenantId().orElseThrow()).stream()
            .sorted(Comparator.comparing(d -> d.id()))
            .map(DescriptorView::of)
            .toList());
  }
}
