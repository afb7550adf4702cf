package io.leadbridge.auth.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * Requires a valid key for {@code OPTIONS} on {@code /v1}, as for every other method: Jersey
 * answers OPTIONS itself for each path it knows, with a method of its own that carries no
 * {@code @RolesAllowed}, so the key check bound to the resource methods never sees it and an
 * anonymous caller could map the API. Any role will do: the answer names methods, not data.
 * Thread-safe (the key filter is).
 */
@Priority(Priorities.AUTHENTICATION)
public final class OptionsAuthFilter implements ContainerRequestFilter {

  private final BearerKeyAuthFilter keys;

  public OptionsAuthFilter(BearerKeyAuthFilter keys) {
    this.keys = keys;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if ("OPTIONS".equals(request.getMethod()) && isApi(request.getUriInfo().getPath())) {
      keys.filter(request);
    }
  }

  /** Jersey's path is relative to the application root, with or without its leading slash. */
  private static boolean isApi(String path) {
    return path.startsWith("v1/") || path.startsWith("/v1/") || path.equals("v1") || path.equals("/v1");
  }
}
