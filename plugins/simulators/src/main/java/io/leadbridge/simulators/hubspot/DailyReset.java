package io.leadbridge.simulators.hubspot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Where the portal's next midnight falls, since the daily limit resets in the account's time zone. Stateless, so thread-safe. */
final class DailyReset {
  private DailyReset() {}

  static Instant nextReset(Instant now, ZoneId portalZone) {
    LocalDate tomorrow = LocalDate.ofInstant(now, portalZone).plusDays(1);
    return tomorrow.atStartOfDay(portalZone).toInstant();
  }
}
