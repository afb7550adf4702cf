package io.leadbridge.delivery;

import io.dropwizard.auth.Auth;
import io.leadbridge.audit.Actor;
import io.leadbridge.auth.Caller;
import io.leadbridge.auth.Role;
import io.leadbridge.delivery.api.DeliveryView;
import io.leadbridge.delivery.api.MoveHeldRequest;
import io.leadbridge.delivery.api.MovedView;
import io.leadbridge.storage.PageRequest;
import io.leadbridge.web.ListResponse;
import io.leadbridge.web.QueryParams;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;

/** {@code /v1/deliveries}: operators work dead letters and held deliveries; thread-safe (delegates). */
@Path("/v1/deliveries")
@RolesAllowed(Role.Names.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class DeliveriesResource {

  private final DeliveryOperations operations;

  public DeliveriesResource(DeliveryOperations operations) {
    this.operations = operations;
  }

  /** Deliveries in one status ({@code dead} unless given), of every tenant or one. */
  @GET
  public ListResponse<DeliveryView> list(
      @QueryParam("status") String status,
      @QueryParam("tenantId") String tenantId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    Optional<String> statusFilter = Optional.ofNullable(status).filter(s -> !s.isEmpty());
    return ListResponse.of(operations.list(statusFilter, QueryParams.optionalUuid("tenantId", tenantId),
        PageRequest.of(limit, cursor)), v -> v);
  }

  /** 202: the dead or held delivery is due again, with a fresh retry budget. */
  @POST
  @Path("/{deliveryId}/replay")
  public Response replay(@Parameter(hidden = true) @Auth Caller caller, @PathParam("deliveryId") UUID deliveryId) {
    return Response.accepted(operations.replay(deliveryId, Actor.of(caller))).build();
  }

  /** 200: the dead or held delivery now waits in its tenant's manual queue. */
  @POST
  @Path("/{deliveryId}/move-to-manual-queue")
  public DeliveryView moveToManualQueue(
      @Parameter(hidden = true) @Auth Caller caller, @PathParam("deliveryId") UUID deliveryId) {
    return operations.moveToManualQueue(deliveryId, Actor.of(caller));
  }

  /** 200: every held delivery of the tenant (through one connector, if given) moved to its manual queue. */
  @POST
  @Path("/held/move-to-manual-queue")
  @Consumes(MediaType.APPLICATION_JSON)
  public MovedView moveHeldToManualQueue(
      @Parameter(hidden = true) @Auth Caller caller, @NotNull @Valid MoveHeldRequest request) {
    return new MovedView(operations.moveHeldToManualQueue(request.tenantId(),
        Optional.ofNullable(request.connector()), Actor.of(caller)));
  }
}
