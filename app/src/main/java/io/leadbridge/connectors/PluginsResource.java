package io.leadbridge.connectors;

import io.leadbridge.auth.Role;
import io.leadbridge.connectors.api.PluginView;
import io.leadbridge.web.ListResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Operator endpoints for connector plugins. Both answer every plugin at once, in the API's list
 * envelope with no next page (a plugins directory holds a handful of jars). Thread-safe
 * (delegates to the registry).
 */
@Tag(name = "operations")
@Path("/v1/plugins")
@RolesAllowed(Role.Names.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class PluginsResource {

  private final ConnectorRegistry registry;

  public PluginsResource(ConnectorRegistry registry) {
    this.registry = registry;
  }

  @GET
  @Operation(operationId = "listPlugins", summary = "Every plugin: id, version, state and descriptor")
  @ApiResponse(responseCode = "200", description = "the plugins", useReturnTypeSchema = true)
  public ListResponse<PluginView> list() {
    return view(registry.plugins());
  }

  @POST
  @Path("/reload")
  @Operation(operationId = "reloadPlugins", summary = "Rescan the plugins directory: load new jars, reload changed ones")
  @ApiResponse(responseCode = "200", description = "the plugins after the reload", useReturnTypeSchema = true)
  public ListResponse<PluginView> reload() {
    return view(registry.reload());
  }

  private static ListResponse<PluginView> view(List<PluginStatus> plugins) {
    return new ListResponse<>(plugins.stream().map(PluginView::of).toList(), null);
  }
}
