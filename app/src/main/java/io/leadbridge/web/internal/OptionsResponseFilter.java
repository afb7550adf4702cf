package io.leadbridge.web.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Answers every successful {@code OPTIONS} with 204 and the path's methods in {@code Allow} only:
 * Jersey's own answer depends on {@code Accept} (a text body, an empty body labelled JSON, a WADL
 * document); no CORS headers, CORS stays off. Thread-safe (stateless).
 */
public final class OptionsResponseFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String allow = response.getHeaderString(HttpHeaders.ALLOW);
    if (!"OPTIONS".equals(request.getMethod()) || response.getStatus() != 200 || allow == null) {
      return;
    }
    response.setEntity(null);
    response.setStatus(204);
    response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
    response.getHeaders().putSingle(HttpHeaders.ALLOW, AllowedMethods.header(AllowedMethods.of(allow)));
  }
}
