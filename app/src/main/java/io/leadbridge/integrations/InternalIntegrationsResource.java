package io.leadbridge.integrations;

import io.dropwizard.auth.Auth;
import io.leadbridge.audit.Actor;
import io.leadbridge.auth.Caller;
import io.leadbridge.auth.Role;
import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.integrations.api.CheckView;
import io.leadbridge.integrations.api.CreateInternalIntegrationRequest;
import io.leadbridge.integrations.api.InternalIntegrationView;
import io.leadbridge.integrations.api.ReplaceInternalCredentialsRequest;
import io.leadbridge.integrations.api.UpdateInternalIntegrationRequest;
import io.leadbridge.storage.PageRequest;
import io.leadbridge.web.ListResponse;
import io.leadbridge.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** {@code /v1/integrations/internal}: a tenant's webhook integrations; thread-safe (delegates to the service). */
@Tag(name = "integrations")
@Path("/v1/integrations/internal")
@RolesAllowed(Role.Names.TENANT_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class InternalIntegrationsResource {

  private final InternalIntegrationService integrations;

  public InternalIntegrationsResource(InternalIntegrationService integrations) {
    this.integrations = integrations;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createInternalIntegration", summary = "Create a internal integration")
  @ApiResponse(responseCode = "201", description = "the integration", headers = @Header(name = "Location", description = "the new object's path", schema = @Schema(type = "string")), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InternalIntegrationView.class)))
  public Response create(
      @Parameter(hidden = true) @Auth Caller caller, @NotNull @Valid CreateInternalIntegrationRequest request) {
    InternalIntegration created = integrations.create(Callers.tenant(caller), request, Actor.of(caller));
    return Response.created(URI.create("/v1/integrations/internal/" + created.id())).entity(view(created)).build();
  }

  @GET
  @Operation(operationId = "listInternalIntegrations", summary = "The tenant's internal integrations")
  @ApiResponse(responseCode = "200", description = "a page of integrations", useReturnTypeSchema = true)
  public ListResponse<InternalIntegrationView> list(
      @Parameter(hidden = true) @Auth Caller caller,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return ListResponse.of(integrations.list(Callers.tenant(caller), PageRequest.of(limit, cursor)), this::view);
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getInternalIntegration", summary = "Read a internal integration (credentials only as set/fingerprint)")
  @ApiResponse(responseCode = "200", description = "the integration", useReturnTypeSchema = true)
  public InternalIntegrationView get(@Parameter(hidden = true) @Auth Caller caller, @PathParam("id") UUID id) {
    return view(integrations.get(Callers.tenant(caller), id));
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "updateInternalIntegration", summary = "Change a internal integration")
  @ApiResponse(responseCode = "200", description = "the integration", useReturnTypeSchema = true)
  public InternalIntegrationView update(
      @Parameter(hidden = true) @Auth Caller caller,
      @PathParam("id") UUID id,
      @NotNull @Valid UpdateInternalIntegrationRequest request) {
    return view(integrations.update(Callers.tenant(caller), id, request));
  }

  @PUT
  @Path("/{id}/credentials")
  @Consumes(MediaType.APPLICATION_JSON)
  // A 204 has no body, so a client that accepts only the error type (as generated ones do) must get it.
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(operationId = "replaceInternalIntegrationCredentials", summary = "Replace the credentials")
  @ApiResponse(responseCode = "204", description = "replaced")
  public Response replaceCredentials(
      @Parameter(hidden = true) @Auth Caller caller,
      @PathParam("id") UUID id,
      @NotNull @Valid ReplaceInternalCredentialsRequest request) {
    integrations.replaceCredentials(Callers.tenant(caller), id, request, Actor.of(caller));
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/check")
  @Operation(operationId = "checkInternalIntegration", summary = "Test the connection with the receiver")
  @ApiResponse(responseCode = "200", description = "the result of the check", useReturnTypeSchema = true)
  public CheckView check(@Parameter(hidden = true) @Auth Caller caller, @PathParam("id") UUID id) {
    CheckResult result = integrations.check(Callers.tenant(caller), id);
    return new CheckView(result.ok(), result.detail());
  }

  @DELETE
  @Path("/{id}")
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(operationId = "deleteInternalIntegration", summary = "Remove the integration and destroy its credentials")
  @ApiResponse(responseCode = "204", description = "removed")
  public Response delete(@Parameter(hidden = true) @Auth Caller caller, @PathParam("id") UUID id) {
    integrations.delete(Callers.tenant(caller), id, Actor.of(caller));
    return Response.noContent().build();
  }

  private InternalIntegrationView view(InternalIntegration integration) {
    return InternalIntegrationView.of(integration, integrations.credentialState(integration));
  }
}
