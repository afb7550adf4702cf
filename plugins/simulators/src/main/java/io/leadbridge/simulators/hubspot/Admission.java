package io.leadbridge.simulators.hubspot;

import java.util.Optional;

/** Carries the rate limiter's verdict: header figures and, when refused, the policy and wait; immutable. */
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
