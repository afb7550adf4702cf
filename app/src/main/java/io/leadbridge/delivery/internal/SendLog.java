package io.leadbridge.delivery.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The requests of one vendor account that may be inside its rolling window: what makes the budget
 * exact where a token bucket lets up to twice the limit into one rolling window. A request counts
 * from its grant until a window after it ended (the vendor has seen it by the time it answered, so
 * the count holds however long a request takes to arrive); one never ended counts until it is
 * stale. Implementations are used under the account's lock and need not be thread-safe, except
 * {@link #finish}, which may come from any thread.
 */
interface SendLog {

  /** How many requests ended after {@code since}, or are still under way and were granted after {@code staleBefore}. */
  int inWindow(Instant since, Instant staleBefore);

  /**
   * The end of the request that {@code skip} others end before, among those {@link #inWindow}
   * counts; a request under way ends {@code now} at the earliest.
   */
  Optional<Instant> nthEnd(Instant since, Instant staleBefore, Instant now, int skip);

  void add(UUID send, Instant grantedAt);

  void finish(UUID send, Instant endedAt);

  /** Forgets requests that ended at or before {@code endedUpTo}, and stale ones: they left every window. */
  void forget(Instant endedUpTo, Instant staleBefore);
}
