package io.leadbridge.audit;

import io.leadbridge.audit.api.AuditEventView;
import io.leadbridge.auth.Role;
import io.leadbridge.storage.PageRequest;
import io.leadbridge.web.ListResponse;
import io.leadbridge.web.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/audit}: the audit trail for operators; thread-safe (delegates to the trail). */
@Tag(name = "operations")
@Path("/v1/audit")
@RolesAllowed(Role.Names.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  private final AuditTrail trail;

  public AuditResource(AuditTrail trail) {
    this.trail = trail;
  }

  @GET
  @Operation(operationId = "listAuditEvents", summary = "The audit trail, newest last")
  @ApiResponse(responseCode = "200", description = "a page of audit events", useReturnTypeSchema = true)
  public ListResponse<AuditEventView> list(
      @Parameter(description = "only this tenant's events", schema = @Schema(format = "uuid"))
          @QueryParam("tenantId") String tenantId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return ListResponse.of(
        trail.page(QueryParams.optionalUuid("tenantId", tenantId), PageRequest.of(limit, cursor)), AuditEventView::of);
  }
}
