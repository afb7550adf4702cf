package io.leadbridge.rollout;

import io.leadbridge.auth.Role;
import io.leadbridge.rollout.api.ConnectorRolloutView;
import io.leadbridge.web.ListResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/rollout}: every connector's rollout and delivery health, for operators; thread-safe (delegates). */
@Tag(name = "operations")
@Path("/v1/rollout")
@RolesAllowed(Role.Names.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class RolloutResource {

  private final RolloutReport report;

  public RolloutResource(RolloutReport report) {
    this.report = report;
  }

  @GET
  @Operation(operationId = "getRollout", summary = "Each connector's flag state, tenants enabled and last hour's deliveries")
  @ApiResponse(responseCode = "200", description = "one entry per connector", useReturnTypeSchema = true)
  public ListResponse<ConnectorRolloutView> connectors() {
    return new ListResponse<>(report.connectors(), null);
  }
}
