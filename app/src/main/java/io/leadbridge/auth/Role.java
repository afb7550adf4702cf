package io.leadbridge.auth;

/** The roles an API key can carry; {@code @RolesAllowed} names them through {@link Names}. */
public enum Role {
  /** Runs the hub: tenants, keys, plugins, dead letters, audit. Belongs to no tenant. */
  OPERATOR,
  /** Administers one tenant: integrations, credentials, leads, manual queue. */
  TENANT_ADMIN,
  /** Sends and reads one tenant's leads; the key a dealer website or form uses. */
  TENANT_WRITER;

  /** Whether keys of this role act for a tenant. */
  public boolean isTenantRole() {
    return this != OPERATOR;
  }

  /** Role names as compile-time constants, for {@code @RolesAllowed}. */
  public static final class Names {
    public static final String OPERATOR = "OPERATOR";
    public static final String TENANT_ADMIN = "TENANT_ADMIN";
    public static final String TENANT_WRITER = "TENANT_WRITER";

    private Names() {}
  }
}
