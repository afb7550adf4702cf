package io.leadbridge.simulators.hubspot;

import java.time.ZoneId;

/** The limits one simulated portal enforces per private-app token. Immutable. */
record RateLimitSettings(int tenSecondLimit, long dailyLimit, int searchRequestsPerSecond, ZoneId portalZone) {
  static final long TEN_SECONDS_MILLIS = 10_000;
  static final long ONE_SECOND_MILLIS = 1_000;
}
