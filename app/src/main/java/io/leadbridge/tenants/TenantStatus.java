package io.leadbridge.tenants;

import java.util.Locale;

/** Where a tenant is in its life: active, or offboarded (keys revoked, credentials shredded). */
public enum TenantStatus {
  ACTIVE,
  OFFBOARDED;

  /** The value stored in the {@code tenants.status} column. */
  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads the {@code tenants.status} column. */
  public static TenantStatus fromColumn(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
