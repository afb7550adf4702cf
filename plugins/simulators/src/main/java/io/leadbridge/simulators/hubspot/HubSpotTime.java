package io.leadbridge.simulators.hubspot;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats instants the way HubSpot's v3 JSON does (UTC, always milliseconds). Stateless, so thread-safe. */
final class HubSpotTime {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private HubSpotTime() {}

  static String format(Instant instant) {
    return FORMAT.format(instant);
  }
}
