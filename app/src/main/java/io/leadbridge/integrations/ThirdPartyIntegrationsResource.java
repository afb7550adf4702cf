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
import io.swagger.v3.oas.annotations.Parameter;
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
  public Response create(
      @Parameter(hidden = true) @Auth Caller caller, @NotNull @Valid CreateThirdPartyIntegrationRequest request) {
    ThirdPartyIntegration created = integrations.create(Callers.tenant(caller), request, Actor.of(caller));
    return Response.created(URI.create("/v1/integrations/third-party/" + created.id())).entity(view(created)).build();
  }

  @GET
  public ListResponse<ThirdPartyIntegrationView> list(
      @Parameter(hidden = true) @Auth Caller caller,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return ListResponse.of(integrations.list(Callers.tenant(caller), PageRequest.of(limit, cursor)), this::view);
  }

  @GET
  @Path("/{id}")
  public ThirdPartyIntegrationView get(@Parameter(hidden = true) @Auth Caller caller, @PathParam("id") UUID id) {
    return view(integrations.get(Callers.tenant(caller), id));
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public ThirdPartyIntegrationView update(
      @Parameter(hidden = true) @Auth Caller caller,
      @PathParam("id") UUID id,
      @NotNull @Valid UpdateThirdPartyIntegrationRequest request) {
    return view(integrations.update(Callers.tenant(caller), id, request));
  }

  @PUT
  @Path("/{id}/credentials")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response replaceCredentials(
      @Parameter(hidden = true) @Auth Caller caller,
      @PathParam("id") UUID id,
      @NotNull @Size(max = 16) Map<String, @NotNull SecretValue> credentials) {
    integrations.replaceCredentials(Callers.tenant(caller), id, credentials, Actor.of(caller));
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/check")
  public CheckView check(@Parameter(hidden = true) @Auth Caller caller, @PathParam("id") UUID id) {
    CheckResult result = integrations.check(Callers.tenant(caller), id);
    return new CheckView(result.ok(), result.detail());
  }

  @DELETE
  @Path("/{id}")
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
