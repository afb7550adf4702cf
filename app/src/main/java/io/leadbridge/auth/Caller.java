package io.leadbridge.auth;

import java.security.Principal;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling: the API key that authenticated the request, its role and its tenant; immutable.
 *
 * @param keyId the id of the key (public; never the key's secret)
 * @param role the key's role
 * @param tenantId the key's tenant; empty for operator keys
 */
public record Caller(UUID keyId, Role role, Optional<UUID> tenantId) implements Principal {

  public Caller {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(tenantId, "tenantId");
  }

  @Override
  public String getName() {
    return keyId.toString();
  }

  /**
   * The tenant this caller acts for. Tenant endpoints are only reachable with a tenant role, so
   * an empty tenant here is a programming error.
   */
  public UUID requireTenant() {
    return tenantId.orElseThrow(() -> new IllegalStateException("caller has no tenant"));
  }
}
