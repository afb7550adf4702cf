package io.leadbridge.simulators.hubspot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Tracks one token's rolling windows, daily counter, attempts (429s included), 429s and Retry-After waits so limits and client behaviour are both visible; thread-safe (synchronized). */
final class TokenUsage {
  private final Deque<Long> admitted = new ArrayDeque<>();
  private final Deque<Long> attempted = new ArrayDeque<>();
  private final Deque<Long> searchAdmitted = new ArrayDeque<>();
  private LocalDate day;
  private long dailyUsed;
  private int maxAttemptsInAnyWindow;
  private long refusals;
  private long retryAfterUntil;
  private int attemptsBeforeRetryAfter;

  synchronized Admission admit(Instant now, boolean search, RateLimitSettings settings) {
    long millis = now.toEpochMilli();
    rollDay(now, settings);
    recordAttempt(millis);
    dropOlderThan(admitted, millis, RateLimitSettings.TEN_SECONDS_MILLIS);
    dropOlderThan(searchAdmitted, millis, RateLimitSettings.ONE_SECOND_MILLIS);
    if (dailyUsed >= settings.dailyLimit()) {
      long untilMidnight = DailyReset.nextReset(now, settings.portalZone()).toEpochMilli() - millis;
      return refused(RateLimitPolicy.DAILY, untilMidnight, settings);
    }
    if (admitted.size() >= settings.tenSecondLimit()) {
      long untilOldestLeaves = admitted.peekFirst() + RateLimitSettings.TEN_SECONDS_MILLIS - millis;
      return refused(RateLimitPolicy.TEN_SECONDLY_ROLLING, untilOldestLeaves, settings);
    }
    if (search && searchAdmitted.size() >= settings.searchRequestsPerSecond()) {
      long untilOldestLeaves = searchAdmitted.peekFirst() + RateLimitSettings.ONE_SECOND_MILLIS - millis;
      return refused(RateLimitPolicy.SECONDLY, untilOldestLeaves, settings);
    }
    admitted.addLast(millis);
    if (search) {
      searchAdmitted.addLast(millis);
    }
    dailyUsed++;
    return new Admission(
        Optional.empty(),
        0,
        settings.dailyLimit(),
        settings.dailyLimit() - dailyUsed,
        settings.tenSecondLimit(),
        settings.tenSecondLimit() - admitted.size());
  }

  synchronized long dailyUsed(Instant now, RateLimitSettings settings) {
    rollDay(now, settings);
    return dailyUsed;
  }

  synchronized int maxAttemptsInAnyWindow() {
    return maxAttemptsInAnyWindow;
  }

  synchronized long refusals() {
    return refusals;
  }

  synchronized int attemptsBeforeRetryAfter() {
    return attemptsBeforeRetryAfter;
  }

  /** The token was sent a Retry-After: attempts before {@code until} ignore it. */
  synchronized void toldToWaitUntil(Instant until) {
    retryAfterUntil = Math.max(retryAfterUntil, until.toEpochMilli());
  }

  private Admission refused(RateLimitPolicy policy, long retryAfterMillis, RateLimitSettings settings) {
    refusals++;
    return new Admission(
        Optional.of(policy),
        Math.max(retryAfterMillis, 0),
        settings.dailyLimit(),
        Math.max(settings.dailyLimit() - dailyUsed, 0),
        settings.tenSecondLimit(),
        Math.max(settings.tenSecondLimit() - admitted.size(), 0));
  }

  private void recordAttempt(long millis) {
    if (millis < retryAfterUntil) {
      attemptsBeforeRetryAfter++;
    }
    dropOlderThan(attempted, millis, RateLimitSettings.TEN_SECONDS_MILLIS);
    attempted.addLast(millis);
    maxAttemptsInAnyWindow = Math.max(maxAttemptsInAnyWindow, attempted.size());
  }

  private void rollDay(Instant now, RateLimitSettings settings) {
    LocalDate today = LocalDate.ofInstant(now, settings.portalZone());
    if (!today.equals(day)) {
      day = today;
      dailyUsed = 0;
    }
  }

  /** Keeps only timestamps inside the window (now - window, now]. */
  private static void dropOlderThan(Deque<Long> timestamps, long now, long windowMillis) {
    while (!timestamps.isEmpty() && timestamps.peekFirst() <= now - windowMillis) {
      timestamps.removeFirst();
    }
  }
}
