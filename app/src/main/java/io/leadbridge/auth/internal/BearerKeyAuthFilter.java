package io.leadbridge.auth.internal;

import io.dropwizard.auth.AuthFilter;
import io.leadbridge.auth.Caller;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Reads the API key from {@code Authorization: Bearer <key>} and nowhere else; thread-safe.
 *
 * <p>Dropwizard's OAuth filter would also accept {@code ?access_token=}, which puts keys into
 * request logs; this filter deliberately does not.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerKeyAuthFilter extends AuthFilter<String, Caller> {

  static final String SCHEME = "Bearer";

  @Override
  public void filter(ContainerRequestContext request) {
    String key = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (!authenticate(request, key, SCHEME)) {
      throw unauthorizedHandler.buildException(prefix, realm);
    }
  }

  private static String bearerToken(String header) {
    if (header == null) {
      return null;
    }
    int space = header.indexOf(' ');
    if (space <= 0 || !SCHEME.equalsIgnoreCase(header.substring(0, space))) {
      return null;
    }
    return header.substring(space + 1).trim();
  }

  /** Builds the filter with Dropwizard's fluent builder. */
  public static final class Builder extends AuthFilterBuilder<String, Caller, BearerKeyAuthFilter> {
    @Override
    protected BearerKeyAuthFilter newInstance() {
      return new BearerKeyAuthFilter();
    }
  }
}
