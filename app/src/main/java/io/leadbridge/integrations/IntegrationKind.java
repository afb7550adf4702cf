package io.leadbridge.integrations;

import java.util.Locale;

/** The two kinds of integration a delivery can go to; each has its own table and API. Immutable. */
public enum IntegrationKind {
  /** A tenant's account at a CRM vendor, served by a connector plugin. */
  THIRD_PARTY,
  /** The tenant's own system, served by the built-in webhook deliverer. */
  INTERNAL;

  /** The value in {@code deliveries.integration_kind}. */
  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static IntegrationKind fromColumn(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
