package io.leadbridge.integrations.internal;

import java.time.Instant;

/**
 * An OAuth access token the hub holds in memory only (never stored, logged or shown), with the
 * moment it should no longer be used. {@link #toString()} is masked. Immutable.
 */
final class AccessToken {

  private final String value;
  private final Instant useUntil;

  AccessToken(String value, Instant useUntil) {
    this.value = value;
    this.useUntil = useUntil;
  }

  /** The {@code Authorization} header value. */
  String bearerHeader() {
    return "Bearer " + value;
  }

  boolean usableAt(Instant now) {
    return now.isBefore(useUntil);
  }

  @Override
  public String toString() {
    return "AccessToken[****, until " + useUntil + "]";
  }
}
