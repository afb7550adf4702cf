package io.leadbridge.simulators.hubspot;

import java.util.Optional;

/**
 * The rate limiter's verdict on one request: the numbers for the X-HubSpot-RateLimit-* headers and,
 * when refused, which policy refused it and how long until it would pass. Immutable.
 */
record Admission(
    Optional<RateLimitPolicy> refusedBy,
    long retryAfterMillis,
    long dailyLimit,
    long dailyRemaining,
    int tenSecondLimit,
    int tenSecondRemaining) {

  boolean allowed() {
    return refusedBy.isEmpty();
  }
}
