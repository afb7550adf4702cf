package io.leadbridge.delivery;

import io.dropwizard.auth.Auth;
import io.leadbridge.audit.Actor;
import io.leadbridge.auth.Caller;
import io.leadbridge.auth.Role;
import io.leadbridge.delivery.api.ManualQueueEntryView;
import io.leadbridge.storage.PageRequest;
import io.leadbridge.web.ListResponse;
import io.leadbridge.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** {@code /v1/manual-queue}: the tenant's leads that need entering by hand; thread-safe (delegates). */
@Tag(name = "leads")
@Path("/v1/manual-queue")
@RolesAllowed(Role.Names.TENANT_ADMIN)
public class ManualQueueResource {

  /** The CSV export's media type. */
  public static final String TEXT_CSV = "text/csv";

  private final DeliveryOperations operations;

  public ManualQueueResource(DeliveryOperations operations) {
    this.operations = operations;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "listManualQueue", summary = "Leads waiting for manual handling; Accept: text/csv exports them all")
  @ApiResponse(responseCode = "200", description = "a page of entries (JSON) or every entry (CSV)", useReturnTypeSchema = true, content = {
      @Content(mediaType = MediaType.APPLICATION_JSON),
      @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string"))})
  public ListResponse<ManualQueueEntryView> list(
      @Parameter(hidden = true) @Auth Caller caller,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return ListResponse.of(operations.manualQueue(caller.requireTenant(), PageRequest.of(limit, cursor)), v -> v);
  }

  /** The whole queue as CSV, for a spreadsheet. */
  @GET
  @Produces(TEXT_CSV)
  @Operation(hidden = true)
  public Response csv(@Parameter(hidden = true) @Auth Caller caller) {
    UUID tenantId = caller.requireTenant();
    StreamingOutput body = output -> {
      Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
      operations.writeManualQueueCsv(tenantId, out);
      out.flush();
    };
    return Response.ok(body, TEXT_CSV + "; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"manual-queue.csv\"")
        .build();
  }

  /** 204: the entry was handled by hand and leaves the queue. */
  @POST
  @Path("/{deliveryId}/ack")
  // A 204 has no body, so a client that accepts only the error type (as generated ones do) must get it.
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(operationId = "acknowledgeManualQueueEntry", summary = "Mark a manual-queue entry handled")
  @ApiResponse(responseCode = "204", description = "handled")
  public Response acknowledge(@Parameter(hidden = true) @Auth Caller caller, @PathParam("deliveryId") UUID deliveryId) {
    operations.acknowledge(caller.requireTenant(), deliveryId, Actor.of(caller));
    return Response.noContent().build();
  }
}
