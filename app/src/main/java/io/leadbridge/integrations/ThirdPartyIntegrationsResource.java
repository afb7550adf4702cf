package io.leadbridge.integrations;

import io.dropwizard.auth.Auth;
import io.leadbridge.audit.Actor;
import io.leadbridge.auth.Caller;
import io.leadbridge.auth.Role;
import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.credentials.SecretValue;
import io.leadbridge.integrations.api.CheckView;
import io.leadbridge.integrations.api.CreateThirdPartyIntegrationRequest;
import io.leadbridge.integrations.api.ThirdPartyIntegrationView;
import io.leadbridge.integrations.api.UpdateThirdPartyIntegrationRequest;
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
import jakarta.validation.constraints.Size;
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
import java.util.Map;
import java.util.UUID;

/** {@code /v1/integrations/third-party}: a tenant's CRM integrations; thread-safe (delegates to the service). */
@Tag(name = "integrations")
@Path("/v1/integrations/third-party")
@RolesAllowed(Role.Names.TENANT_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ThirdPartyIntegrationsResource {

  private final ThirdPartyIntegrationService integrations;

  public ThirdPartyIntegrationsResource(ThirdPartyIntegrationService integrations) {
    this.integrations = integrations;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createThirdPartyIntegration", summary = "Create a third-party integration")
  @ApiResponse(responseCode = "201", description = "the integration", headers = @Header(name = "Location", description = "the new object's path", schema = @Schema(type = "string")), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ThirdPartyIntegrationView.class)))
  public Response create(
      @Parameter(hidden = true) @Auth Caller caller, @NotNull @Valid CreateThirdPartyIntegrationRequest request) {
    ThirdPartyIntegration created = integrations.create(Callers.tenant(caller), request, Actor.of(caller));
    return Response.created(URI.create("/v1/integrations/third-party/" + created.id())).entity(view(created)).build();
  }

  @GET
  @Operation(operationId = "listThirdPartyIntegrations", summary = "The tenant's third-party integrations")
  @ApiResponse(responseCode = "200", description = "a page of integrations", useReturnTypeSchema = true)
  public ListResponse<ThirdPartyIntegrationView> list(
      @Parameter(hidden = true) @Auth Caller caller,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return ListResponse.of(integrations.list(Callers.tenant(caller), PageRequest.of(limit, cursor)), this::view);
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getThirdPartyIntegration", summary = "Read a third-party integration (credentials only as set/fingerprint)")
  @ApiResponse(responseCode = "200", description = "the integration", useReturnTypeSchema = true)
  public ThirdPartyIntegrationView get(@Parameter(hidden = true) @Auth Caller caller, @PathParam("id") UUID id) {
    return view(integrations.get(Callers.tenant(caller), id));
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "updateThirdPartyIntegration", summary = "Change a third-party integration")
  @ApiResponse(responseCode = "200", description = "the integration", useReturnTypeSchema = true)
  public ThirdPartyIntegrationView update(
      @Parameter(hidden = true) @Auth Caller caller,
      @PathParam("id") UUID id,
      @NotNull @Valid UpdateThirdPartyIntegrationRequest request) {
    return view(integrations.update(Callers.tenant(caller), id, request));
  }

  @PUT
  @Path("/{id}/credentials")
  @Consumes(MediaType.APPLICATION_JSON)
  // A 204 has no body, so a client that accepts only the error type (as generated ones do) must get it.
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(operationId = "replaceThirdPartyIntegrationCredentials", summary = "Replace the credentials")
  @ApiResponse(responseCode = "204", description = "replaced")
  public Response replaceCredentials(
      @Parameter(hidden = true) @Auth Caller caller,
      @PathParam("id") UUID id,
      @NotNull @Size(max = 16) Map<String, @NotNull SecretValue> credentials) {
    integrations.replaceCredentials(Callers.tenant(caller), id, credentials, Actor.of(caller));
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/check")
  @Operation(operationId = "checkThirdPartyIntegration", summary = "Test the connection with the receiver")
  @ApiResponse(responseCode = "200", description = "the result of the check", useReturnTypeSchema = true)
  public CheckView check(@Parameter(hidden = true) @Auth Caller caller, @PathParam("id") UUID id) {
    CheckResult result = integrations.check(Callers.tenant(caller), id);
    return new CheckView(result.ok(), result.detail());
  }

  @DELETE
  @Path("/{id}")
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(operationId = "deleteThirdPartyIntegration", summary = "Remove the integration and destroy its credentials")
  @ApiResponse(responseCode = "204", description = "removed")
  public Response delete(@Parameter(hidden = true) @Auth Caller caller, @PathParam("id") UUID id) {
    integrations.delete(Callers.tenant(caller), id, Actor.of(caller));
    return Response.noContent().build();
  }

  private ThirdPartyIntegrationView view(ThirdPartyIntegration integration) {
    return ThirdPartyIntegrationView.of(integration, integrations.credentialState(integration));
  }

  private static UUID tenant(Caller caller) {
    return caller.tenantId().orElseThrow();
  }
}
