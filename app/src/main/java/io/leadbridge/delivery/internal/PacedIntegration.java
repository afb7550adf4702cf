package io.leadbridge.delivery.internal;

import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.http.RateLimitReport;
import io.leadbridge.connector.api.http.RateLimitScope;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;

/**
 * The pace of one integration's calls: an exact sliding-window log of the sends in the vendor's
 * rolling window (a token bucket would let up to twice the limit into one rolling window), the
 * day's count against a daily cap, and any pause the vendor asked for. Not thread-safe: callers
 * synchronize on it.
 */
final class PacedIntegration {

  private final ArrayDeque<Instant> sends = new ArrayDeque<>();
  private final Duration guard;
  private RateLimitProfile profile;
  private int vendorPermits;
  private Instant pausedUntil = Instant.EPOCH;
  private RateLimitScope pauseScope = RateLimitScope.WINDOW;
  private LocalDate day;
  private long sentToday;

  PacedIntegration(RateLimitProfile profile, Duration guard) {
    this.profile = profile;
    this.vendorPermits = profile.permits();
    this.guard = guard;
  }

  /** Follows a changed profile (a new plugin version); vendor feedback is kept. */
  void profile(RateLimitProfile current) {
    if (!current.equals(profile)) {
      profile = current;
      vendorPermits = current.permits();
    }
  }

  /** Zero when a call may go now, else how long until one may, with the limit that binds. */
  Wait waitAt(Instant now) {
    if (pausedUntil.isAfter(now)) {
      return new Wait(Duration.between(now, pausedUntil), pauseScope);
    }
    if (profile.dailyCap().isPresent()) {
      rollDay(now);
      if (sentToday >= profile.dailyCap().getAsLong()) {
        return new Wait(Duration.between(now, nextMidnight(now)), RateLimitScope.DAILY);
      }
    }
    Duration span = profile.window().plus(guard);
    while (!sends.isEmpty() && !sends.peekFirst().plus(span).isAfter(now)) {
      sends.pollFirst();
    }
    if (sends.size() < vendorPermits) {
      return Wait.NONE;
    }
    return new Wait(Duration.between(now, sends.peekFirst().plus(span)), RateLimitScope.WINDOW);
  }

  /** Counts a call that goes now; call only after {@link #waitAt} said zero. */
  void sent(Instant now) {
    sends.addLast(now);
    if (profile.dailyCap().isPresent()) {
      rollDay(now);
      sentToday++;
    }
  }

  /** Learns from the vendor's headers: its own limit, and a pause when nothing remains. */
  void report(RateLimitReport report, Instant now) {
    if (report.scope() == RateLimitScope.WINDOW && report.limit().isPresent()) {
      long limit = report.limit().getAsLong();
      vendorPermits = (int) Math.min(Integer.MAX_VALUE, limit);
    }
    if (report.remaining() == 0) {
      pause(report.resetAt().orElseGet(() -> nextFree(report, now)), report.scope());
    }
  }

  /**
   * When a vendor that names no reset time says nothing remains. On a rolling window the next call
   * may go once the oldest call in the window leaves it, and the vendor's oldest is no younger than
   * our oldest send still in the window (the vendor counts our calls, and perhaps others' on the same
   * account), so that send plus the window and the guard is late enough. A whole window from now is
   * needed only when none of our sends is in it. Pausing a whole window every time the window
   * filled cost a third of a busy integration's throughput (benchmark in ops/bench/RESULTS.md,
   * delivery).
   */
  private Instant nextFree(RateLimitReport report, Instant now) {
    if (report.scope() == RateLimitScope.WINDOW) {
      Duration window = report.window().orElse(profile.window());
      for (Instant sent : sends) {
        if (sent.plus(window).isAfter(now)) {
          return sent.plus(window).plus(guard);
        }
      }
    }
    return now.plus(report.window().orElse(defaultPause(report.scope(), now)));
  }

  /** The vendor asked for no calls until then. */
  void pause(Instant until, RateLimitScope scope) {
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
      pauseScope = scope;
    }
  }

  private Duration defaultPause(RateLimitScope scope, Instant now) {
    return scope == RateLimitScope.DAILY ? Duration.between(now, nextMidnight(now)) : profile.window();
  }

  private void rollDay(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, zone());
    if (!today.equals(day)) {
      day = today;
      sentToday = 0;
    }
  }

  private Instant nextMidnight(Instant now) {
    return ZonedDateTime.ofInstant(now, zone()).toLocalDate().plusDays(1).atStartOfDay(zone()).toInstant();
  }

  private ZoneId zone() {
    return profile.dailyResetZone().orElse(ZoneId.of("UTC"));
  }

  /**
   * How long to wait, and which limit is the reason; immutable.
   *
   * @param duration zero when a call may go now
   */
  record Wait(Duration duration, RateLimitScope scope) {
    static final Wait NONE = new Wait(Duration.ZERO, RateLimitScope.WINDOW);

    boolean none() {
      return duration.isZero() || duration.isNegative();
    }
  }
}
