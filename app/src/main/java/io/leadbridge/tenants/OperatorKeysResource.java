package io.leadbridge.tenants;

import io.leadbridge.auth.Role;
import io.leadbridge.storage.PageRequest;
import io.leadbridge.tenants.api.ApiKeyView;
import io.leadbridge.web.ListResponse;
import io.leadbridge.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * Operator endpoints for the operators' own keys: which exist, when each was last used and when it
 * expires, and revoking one (never the last that works; new ones come from the command line).
 * Thread-safe (delegates to the service).
 */
@Tag(name = "tenants")
@Path("/v1/operator-keys")
@RolesAllowed(Role.Names.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class OperatorKeysResource {

  private final ApiKeyService keys;

  public OperatorKeysResource(ApiKeyService keys) {
    this.keys = keys;
  }

  @GET
  @Operation(operationId = "listOperatorKeys", summary = "List the operator keys (never their secrets)")
  @ApiResponse(responseCode = "200", description = "a page of keys, with last use and expiry", useReturnTypeSchema = true)
  public ListResponse<ApiKeyView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return ListResponse.of(keys.listOperatorKeys(PageRequest.of(limit, cursor)), ApiKeyView::of);
  }

  @DELETE
  @Path("/{keyId}")
  // A 204 has no body, so a client that accepts only the error type (as generated ones do) must get it.
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(operationId = "revokeOperatorKey", summary = "Revoke an operator key (409 last_operator_key for the last one that works)")
  @ApiResponse(responseCode = "204", description = "revoked")
  public Response revoke(@PathParam("keyId") UUID keyId) {
    keys.revokeOperatorKey(keyId);
    return Response.noContent().build();
  }
}
