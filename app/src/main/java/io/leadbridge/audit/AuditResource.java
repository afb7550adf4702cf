package io.leadbridge.audit;

import io.leadbridge.audit.api.AuditEventView;
import io.leadbridge.auth.Role;
import io.leadbridge.errors.ErrorKind;
import io.leadbridge.errors.FieldError;
import io.leadbridge.errors.LeadbridgeException;
import io.leadbridge.storage.PageRequest;
import io.leadbridge.web.ListResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code GET /v1/audit}: the audit trail for operators; thread-safe (delegates to the trail). */
@Path("/v1/audit")
@RolesAllowed(Role.Names.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  private final AuditTrail trail;

  public AuditResource(AuditTrail trail) {
    this.trail = trail;
  }

  @GET
  public ListResponse<AuditEventView> list(
      @QueryParam("tenantId") String tenantId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return ListResponse.of(trail.page(tenantFilter(tenantId), PageRequest.of(limit, cursor)), AuditEventView::of);
  }

  private static Optional<UUID> tenantFilter(String tenantId) {
    if (tenantId == null || tenantId.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(tenantId));
    } catch (IllegalArgumentException e) {
      throw new InvalidAuditQuery();
    }
  }

  /** A tenant filter that is not a UUID. */
  static final class InvalidAuditQuery extends LeadbridgeException {
    private static final long serialVersionUID = 1L;

    InvalidAuditQuery() {
      super(ErrorKind.BAD_REQUEST, "invalid_query", "invalid query parameters",
          List.of(new FieldError("tenantId", "is not a UUID")));
    }
  }
}
