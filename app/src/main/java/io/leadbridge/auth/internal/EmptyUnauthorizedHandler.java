package io.leadbridge.auth.internal;

import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Answers 401 with the challenge header but no body, so the hub's one exception mapper writes the
 * problem+json body like for every other error; thread-safe (stateless).
 */
public final class EmptyUnauthorizedHandler implements UnauthorizedHandler {

  @Override
  public Response buildResponse(String prefix, String realm) {
    return Response.status(Response.Status.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\"")
        .build();
  }
}
