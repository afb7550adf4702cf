package io.leadbridge.delivery.internal;

import io.leadbridge.connector.api.http.RateLimitReport;
import io.leadbridge.connector.api.http.RateLimitScope;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * The rules of one vendor account's budget, the same whether it lives in this node's memory or in
 * the database: a call may go when the vendor asked for no pause, the day's count is under its cap
 * and fewer than the limit were sent in the last window (plus a guard for the time a request takes
 * to reach the vendor). Stateless; thread-safe.
 */
final class BudgetRules {

  private static final Duration LONGEST_PAUSE = Duration.ofDays(1);
  /**
   * A request still under way this long after its window is taken to have died with its node: no
   * call lasts longer ({@code delivery.callTimeout} is at most 5 minutes).
   */
  private static final Duration STALE_AFTER = Duration.ofMinutes(5);

  private final Duration guard;

  BudgetRules(Duration guard) {
    this.guard = guard;
  }

  /** Zero when a call may go at {@code now}, else how long until one may, with the limit that binds. */
  Wait waitAt(BudgetRow row, SendLog log, Instant now) {
    if (row.pausedUntil != null && row.pausedUntil.isAfter(now)) {
      return new Wait(Duration.between(now, row.pausedUntil), row.pauseScope);
    }
    if (row.dayLimit > 0) {
      rollDay(row, now);
      if (row.dayUsed >= row.dayLimit) {
        return new Wait(Duration.between(now, row.dayResetsAt), RateLimitScope.DAILY);
      }
    }
    Duration span = span(row);
    Instant since = now.minus(span);
    Instant stale = since.minus(STALE_AFTER);
    int sent = log.inWindow(since, stale);
    if (sent < row.limit()) {
      return Wait.NONE;
    }
    // The call may go once enough of the window's requests have left it for one more to fit.
    Instant frees = log.nthEnd(since, stale, now, sent - row.limit()).orElse(now).plus(span);
    return new Wait(Duration.between(now, frees), RateLimitScope.WINDOW);
  }

  /** Counts a call that goes now; call only after {@link #waitAt} said none. */
  Wait spend(BudgetRow row, SendLog log, Instant now) {
    Instant since = now.minus(span(row));
    log.forget(since, since.minus(STALE_AFTER));
    UUID send = UUID.randomUUID();
    log.add(send, now);
    if (row.dayLimit > 0) {
      row.dayUsed++;
    }
    return Wait.granted(send);
  }

  /** Learns from the vendor's headers: its own limit, and a pause when nothing remains. */
  void report(BudgetRow row, SendLog log, RateLimitReport report, Instant now) {
    if (report.scope() == RateLimitScope.WINDOW && report.limit().isPresent()) {
      row.reportedLimit = (int) Math.min(Integer.MAX_VALUE, Math.max(1, report.limit().getAsLong()));
    }
    if (report.remaining() == 0) {
      pause(row, report.resetAt().orElseGet(() -> nextFree(row, log, report, now)), report.scope(), now);
    }
  }

  /** The vendor asked for no calls until then; a pause is only ever lengthened, and at most a day. */
  void pause(BudgetRow row, Instant until, RateLimitScope scope, Instant now) {
    Instant cut = until.isAfter(now.plus(LONGEST_PAUSE)) ? now.plus(LONGEST_PAUSE) : until;
    if (row.pausedUntil == null || cut.isAfter(row.pausedUntil)) {
      row.pausedUntil = cut;
      row.pauseScope = scope;
    }
  }

  /**
   * When a vendor that names no reset time says nothing remains. On a rolling window the next call
   * may go once the oldest call in the window leaves it, and the vendor's oldest is no younger than
   * our oldest send still in the window (the vendor counts our calls, and perhaps others' on the
   * same account), so that send plus the window and the guard is late enough. A whole window from
   * now is needed only when none of our sends is in it. Pausing a whole window every time the
   * window filled cost a third of a busy integration's throughput (benchmark in
   * ops/bench/RESULTS.md, delivery).
   */
  private Instant nextFree(BudgetRow row, SendLog log, RateLimitReport report, Instant now) {
    if (report.scope() == RateLimitScope.WINDOW) {
      Duration window = report.window().orElse(row.window);
      Instant since = now.minus(window);
      return log.nthEnd(since, since.minus(STALE_AFTER), now, 0).map(oldest -> oldest.plus(window).plus(guard))
          .orElseGet(() -> now.plus(window));
    }
    return report.window().map(now::plus).orElseGet(() -> nextMidnight(row, now));
  }

  private Duration span(BudgetRow row) {
    return row.window.plus(guard);
  }

  private static void rollDay(BudgetRow row, Instant now) {
    if (row.dayResetsAt == null || !now.isBefore(row.dayResetsAt)) {
      row.dayUsed = 0;
      row.dayResetsAt = nextMidnight(row, now);
    }
  }

  private static Instant nextMidnight(BudgetRow row, Instant now) {
    ZoneId zone = row.dayZone == null ? ZoneId.of("UTC") : row.dayZone;
    return ZonedDateTime.ofInstant(now, zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
  }
}
