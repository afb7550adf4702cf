package io.leadbridge.auth.internal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.util.List;

/**
 * Binds a {@link RoleCheckFilter} to each resource method with {@code @RolesAllowed} (its own,
 * else its class's), in place of Jersey's {@code RolesAllowedDynamicFeature}, whose 403 cannot say
 * which role was missing; thread-safe (stateless).
 */
public final class RoleCheckFeature implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    RolesAllowed roles = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
    if (roles == null) {
      roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
    if (roles != null) {
      context.register(new RoleCheckFilter(List.of(roles.value())));
    }
  }
}
