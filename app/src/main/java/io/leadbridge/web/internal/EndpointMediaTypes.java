package io.leadbridge.web.internal;

import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.RuntimeResource;

/**
 * The media types the matched path takes and answers in for one method, read from Jersey's
 * resource model so that a 415 or 406 can name them however the endpoints change; stateless.
 */
final class EndpointMediaTypes {

  private EndpointMediaTypes() {}

  /** What the path's {@code method} endpoints accept as {@code Content-Type}; empty when unknown. */
  static List<String> consumed(ExtendedUriInfo uri, String method) {
    return of(uri, method, ResourceMethod::getConsumedTypes);
  }

  /** What the path's {@code method} endpoints answer in; empty when unknown. */
  static List<String> produced(ExtendedUriInfo uri, String method) {
    return of(uri, method, ResourceMethod::getProducedTypes);
  }

  private static List<String> of(ExtendedUriInfo uri, String method, Function<ResourceMethod, List<MediaType>> types) {
    List<RuntimeResource> matched = uri == null ? List.of() : uri.getMatchedRuntimeResources();
    if (matched.isEmpty()) {
      return List.of();
    }
    // Jersey answers HEAD with the GET endpoint.
    String served = "HEAD".equals(method) ? "GET" : method;
    Set<String> names = new LinkedHashSet<>();
    for (ResourceMethod endpoint : matched.get(0).getResourceMethods()) {
      if (endpoint.getHttpMethod().equals(served)) {
        types.apply(endpoint).stream().filter(t -> !t.isWildcardType()).forEach(t -> names.add(t.toString()));
      }
    }
    return List.copyOf(names);
  }
}
