package io.leadbridge.simulators.hubspot;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Applies the portal's limits per private-app token using the injected clock. Thread-safe. */
final class RateLimiter {
  private final Map<String, TokenUsage> usageByToken = new ConcurrentHashMap<>();
  private final RateLimitSettings settings;
  private final Clock clock;

  RateLimiter(RateLimitSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  Admission admit(String token, boolean search) {
    return usage(token).admit(clock.instant(), search, settings);
  }

  long dailyUsed(String token) {
    return usage(token).dailyUsed(clock.instant(), settings);
  }

  int maxAttemptsInAnyWindow(String token) {
    TokenUsage usage = usageByToken.get(token);
    return usage == null ? 0 : usage.maxAttemptsInAnyWindow();
  }

  long refusals(String token) {
    TokenUsage usage = usageByToken.get(token);
    return usage == null ? 0 : usage.refusals();
  }

  int attemptsBeforeRetryAfter(String token) {
    TokenUsage usage = usageByToken.get(token);
    return usage == null ? 0 : usage.attemptsBeforeRetryAfter();
  }

  /** Remembers the Retry-After the token was just sent, counted from now. */
  void toldToWait(String token, Duration wait) {
    usage(token).toldToWaitUntil(clock.instant().plus(wait));
  }

  int maxAttemptsInAnyWindow() {
    return usageByToken.values().stream().mapToInt(TokenUsage::maxAttemptsInAnyWindow).max().orElse(0);
  }

  RateLimitSettings settings() {
    return settings;
  }

  Clock clock() {
    return clock;
  }

  void reset() {
    usageByToken.clear();
  }

  private TokenUsage usage(String token) {
    return usageByToken.computeIfAbsent(token, ignored -> new TokenUsage());
  }
}
