package io.leadbridge.rollout;

import java.util.Objects;

/**
 * Whether a connector's flag can open it for any tenant now, and why, in words for operators: what
 * tells them that a started connector is closed for everyone because its flag is missing or
 * switched off. Immutable and thread-safe.
 *
 * @param flag the flag, {@code connector.<pluginId>}
 * @param available whether the flag can be on for some tenant (the flag's rollout then decides which)
 * @param reason one line: what decides, or why no tenant gets the connector
 */
public record FlagAvailability(String flag, boolean available, String reason) {

  public FlagAvailability {
    Objects.requireNonNull(flag, "flag");
    Objects.requireNonNull(reason, "reason");
  }
}
