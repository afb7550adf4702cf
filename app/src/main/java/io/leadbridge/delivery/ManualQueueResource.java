package io.leadbridge.delivery;

import io.dropwizard.auth.Auth;
import io.leadbridge.audit.Actor;
import io.leadbridge.auth.Caller;
import io.leadbridge.auth.Role;
import io.leadbridge.delivery.api.ManualQueueEntryView;
import io.leadbridge.storage.PageRequest;
import io.leadbridge.web.ListResponse;
import io.swagger.v3.oas.annotations.Parameter;
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
  public ListResponse<ManualQueueEntryView> list(
      @Parameter(hidden = true) @Auth Caller caller,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return ListResponse.of(operations.manualQueue(caller.requireTenant(), PageRequest.of(limit, cursor)), v -> v);
  }

  /** The whole queue as CSV, for a spreadsheet. */
  @GET
  @Produces(TEXT_CSV)
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
  public Response acknowledge(@Parameter(hidden = true) @Auth Caller caller, @PathParam("deliveryId") UUID deliveryId) {
    operations.acknowledge(caller.requireTenant(), deliveryId, Actor.of(caller));
    return Response.noContent().build();
  }
}
