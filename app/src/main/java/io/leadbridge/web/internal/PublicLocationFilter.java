package io.leadbridge.web.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;

/**
 * Makes a resource's relative {@code Location} ({@code /v1/...}) absolute on the configured
 * public base URL, the only origin the hub vouches for: Jersey would resolve it against the
 * request, whose {@code Host} header the client writes. Thread-safe (immutable).
 */
public final class PublicLocationFilter implements ContainerResponseFilter {

  private final String base;

  /** {@code publicBaseUrl} is absolute (validated with the configuration); a trailing slash is dropped. */
  public PublicLocationFilter(URI publicBaseUrl) {
    String url = publicBaseUrl.toString();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
    if (location != null && location.toString().startsWith("/")) {
      response.getHeaders().putSingle(HttpHeaders.LOCATION, URI.create(base + location));
    }
  }
}
