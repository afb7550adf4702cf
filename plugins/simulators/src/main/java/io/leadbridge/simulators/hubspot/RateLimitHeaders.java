package io.leadbridge.simulators.hubspot;

import io.leadbridge.simulators.http.SimResponse;

/** Adds the X-HubSpot-RateLimit-* headers (§1.6, §7.1 item 14) from a rate-limit verdict. Stateless, so thread-safe. */
final class RateLimitHeaders {
  private RateLimitHeaders() {}

  static SimResponse apply(SimResponse response, Admission admission, boolean secondlyHeaders) {
    SimResponse withHeaders =
        response
            .withHeader("X-HubSpot-RateLimit-Daily", String.valueOf(admission.dailyLimit()))
            .withHeader("X-HubSpot-RateLimit-Daily-Remaining", String.valueOf(admission.dailyRemaining()))
            .withHeader(
                "X-HubSpot-RateLimit-Interval-Milliseconds", String.valueOf(RateLimitSettings.TEN_SECONDS_MILLIS))
            .withHeader("X-HubSpot-RateLimit-Max", String.valueOf(admission.tenSecondLimit()))
            .withHeader("X-HubSpot-RateLimit-Remaining", String.valueOf(admission.tenSecondRemaining()));
    if (!secondlyHeaders) {
      return withHeaders;
    }
    // The deprecated per-second headers are one tenth of the ten-second figures.
    return withHeaders
        .withHeader("X-HubSpot-RateLimit-Secondly", String.valueOf(admission.tenSecondLimit() / 10))
        .withHeader("X-HubSpot-RateLimit-Secondly-Remaining", String.valueOf(admission.tenSecondRemaining() / 10));
  }
}
