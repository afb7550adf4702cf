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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "operations")
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
  @Operation(operationId = "listDeliveries", summary = "Deliveries across tenants, e.g. dead letters")
  @ApiResponse(responseCode = "200", description = "a page of deliveries", useReturnTypeSchema = true)
  public ListResponse<DeliveryView> list(
      @Parameter(description = "only deliveries in this status", schema = @Schema(allowableValues = {"pending",
          "in_flight", "delivered", "retrying", "held", "dead", "manual", "skipped"})) @QueryParam("status") String status,
      @Parameter(description = "only this tenant's deliveries", schema = @Schema(format = "uuid"))
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
  @Operation(operationId = "replayDelivery", summary = "Requeue a dead or held delivery")
  @ApiResponse(responseCode = "202", description = "requeued", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
  public Response replay(@Parameter(hidden = true) @Auth Caller caller, @PathParam("deliveryId") UUID deliveryId) {
    return Response.accepted(operations.replay(deliveryId, Actor.of(caller))).build();
  }

  /** 200: the dead or held delivery now waits in its tenant's manual queue. */
  @POST
  @Path("/{deliveryId}/move-to-manual-queue")
  @Operation(operationId = "moveDeliveryToManualQueue", summary = "Move one held or dead delivery to its tenant's manual queue")
  @ApiResponse(responseCode = "200", description = "the moved delivery", useReturnTypeSchema = true)
  public DeliveryView moveToManualQueue(
      @Parameter(hidden = true) @Auth Caller caller, @PathParam("deliveryId") UUID deliveryId) {
    return operations.moveToManualQueue(deliveryId, Actor.of(caller));
  }

  /** 200: every held delivery of the tenant (through one connector, if given) moved to its manual queue. */
  @POST
  @Path("/held/move-to-manual-queue")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "moveHeldDeliveriesToManualQueue", summary = "Move every held delivery matching the filter to the manual queue")
  @ApiResponse(responseCode = "200", description = "how many moved", useReturnTypeSchema = true)
  public MovedView moveHeldToManualQueue(
      @Parameter(hidden = true) @Auth Caller caller, @NotNull @Valid MoveHeldRequest request) {
    return new MovedView(operations.moveHeldToManualQueue(request, Actor.of(caller)));
  }
}
