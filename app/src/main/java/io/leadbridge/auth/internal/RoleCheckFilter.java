package io.leadbridge.auth.internal;

import io.leadbridge.auth.Caller;
import io.leadbridge.errors.ErrorKind;
import io.leadbridge.errors.LeadbridgeException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * Lets a request through only when its key has one of the endpoint's roles, else answers 403
 * {@code forbidden} naming the roles the endpoint takes and the key's role: both are the caller's
 * to know, and the check runs before any object is looked up, so it tells nothing about another
 * tenant's. Thread-safe (immutable).
 */
@Priority(Priorities.AUTHORIZATION)
final class RoleCheckFilter implements ContainerRequestFilter {

  private final List<String> roles;

  RoleCheckFilter(List<String> roles) {
    this.roles = List.copyOf(roles);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    SecurityContext security = request.getSecurityContext();
    for (String role : roles) {
      if (security.isUserInRole(role)) {
        return;
      }
    }
    String has =
        security.getUserPrincipal() instanceof Caller caller ? "this key is " + caller.role() : "no key was sent";
    throw new WrongRole("this endpoint needs a key of role " + String.join(" or ", roles) + "; " + has);
  }

  /** The key is valid but of another role (403). */
  static final class WrongRole extends LeadbridgeException {
    private static final long serialVersionUID = 1L;

    WrongRole(String message) {
      super(ErrorKind.FORBIDDEN, "forbidden", message);
    }
  }
}
