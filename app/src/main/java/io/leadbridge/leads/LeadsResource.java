package io.leadbridge.leads;

import io.dropwizard.auth.Auth;
import io.leadbridge.auth.Caller;
import io.leadbridge.auth.Role;
import io.leadbridge.leads.api.LeadAcceptedView;
import io.leadbridge.leads.api.LeadBody;
import io.leadbridge.leads.api.LeadView;
import io.leadbridge.storage.PageRequest;
import io.leadbridge.web.ListResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** {@code /v1/leads}: a tenant sends leads and follows their deliveries; thread-safe (delegates). */
@Tag(name = "leads")
@Path("/v1/leads")
@RolesAllowed({Role.Names.TENANT_WRITER, Role.Names.TENANT_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class LeadsResource {

  /** ADF's own media type (not IETF-registered; the one lead providers send). */
  public static final String ADF_XML = "application/x-adf+xml";

  private final LeadIntake intake;
  private final LeadQueries leads;

  public LeadsResource(LeadIntake intake, LeadQueries leads) {
    this.intake = intake;
    this.leads = leads;
  }

  /**
   * 202 with the lead's id and its queued deliveries (the first of them, with their count and where
   * all of them are); the same answer again for a repeated key and lead.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "submitLead", summary = "Send a lead; it is delivered to every enabled integration")
  @ApiResponse(responseCode = "202", description = "accepted, with its queued deliveries (the same answer again for a repeated key and body)", headers = @Header(name = "Location", description = "the new object's path", schema = @Schema(type = "string")), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadAcceptedView.class)))
  public Response submit(
      @Parameter(hidden = true) @Auth Caller caller,
      @Parameter(required = true, description = "Names this lead for safe retries: the same key and body answer"
          + " the original response again", schema = @Schema(minLength = 1, maxLength = 255, pattern = LeadIntake.KEY_PATTERN))
      @HeaderParam(LeadException.IDEMPOTENCY_KEY_HEADER) String idempotencyKey,
      @Parameter(hidden = true) @Context HttpHeaders headers,
      @RequestBody(required = true, description = "The lead as JSON, or an ADF 1.0 document (one lead per"
          + " prospect, each under the key followed by #1, #2 ...; the answer then also lists every prospect's"
          + " lead under prospects)", content = {
              @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadBody.class)),
              @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = "string")),
              @Content(mediaType = MediaType.TEXT_XML, schema = @Schema(type = "string")),
              @Content(mediaType = ADF_XML, schema = @Schema(type = "string"))})
      @NotNull LeadBody request) {
    requireOneKey(headers);
    LeadIntake.Answer answer = intake.submit(caller.requireTenant(), idempotencyKey, request);
    return accepted(answer.status(), answer.leadId(), answer.body());
  }

  /**
   * The same operation for an ADF 1.0 document (the document states these media types on
   * {@code submitLead}): each prospect a lead under {@code <key>#<n>}.
   */
  @POST
  @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, ADF_XML})
  @Operation(hidden = true)
  public Response submitAdf(
      @Auth Caller caller,
      @HeaderParam(LeadException.IDEMPOTENCY_KEY_HEADER) String idempotencyKey,
      @Context HttpHeaders headers,
      byte[] document) {
    requireOneKey(headers);
    LeadIntake.AdfAnswer answer = intake.submitAdf(caller.requireTenant(), idempotencyKey, document);
    return accepted(answer.status(), answer.firstLeadId(), answer.body());
  }

  private static void requireOneKey(HttpHeaders headers) {
    List<String> keys = headers.getRequestHeader(LeadException.IDEMPOTENCY_KEY_HEADER);
    if (keys != null && keys.size() > 1) {
      // Which of two keys the client meant is not ours to guess: the first one winning made retries unsafe.
      throw new LeadException.InvalidIdempotencyKey("must be sent once, not " + keys.size() + " times");
    }
  }

  private static Response accepted(int status, UUID leadId, String body) {
    return Response.status(status)
        .location(URI.create("/v1/leads/" + leadId))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body)
        .build();
  }

  @GET
  @Operation(operationId = "listLeads", summary = "The tenant's leads with each delivery's state")
  @ApiResponse(responseCode = "200", description = "a page of leads", useReturnTypeSchema = true)
  public ListResponse<LeadView> list(
      @Parameter(hidden = true) @Auth Caller caller,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return ListResponse.of(leads.list(caller.requireTenant(), PageRequest.of(limit, cursor)), LeadView::of);
  }

  @GET
  @Path("/{leadId}")
  @Operation(operationId = "getLead", summary = "A lead and the state of each of its deliveries")
  @ApiResponse(responseCode = "200", description = "the lead", useReturnTypeSchema = true)
  public LeadView get(@Parameter(hidden = true) @Auth Caller caller, @PathParam("leadId") UUID leadId) {
    return LeadView.of(leads.get(caller.requireTenant(), leadId));
  }
}
