package io.leadbridge.auth.internal;

import io.dropwizard.auth.Authorizer;
import io.leadbridge.auth.Caller;
import jakarta.ws.rs.container.ContainerRequestContext;

/** Grants a role only to keys of exactly that role; thread-safe (stateless). */
public final class RoleAuthorizer implements Authorizer<Caller> {

  @Override
  public boolean authorize(Caller caller, String role, ContainerRequestContext request) {
    return caller.role().name().equals(role);
  }
}
