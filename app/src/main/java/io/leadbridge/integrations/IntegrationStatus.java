package io.leadbridge.integrations;

import java.util.Locale;

/** Whether an integration's deliveries flow or are held (e.g. after the vendor refused its credentials). */
public enum IntegrationStatus {
  ACTIVE,
  PAUSED;

  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static IntegrationStatus fromColumn(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
