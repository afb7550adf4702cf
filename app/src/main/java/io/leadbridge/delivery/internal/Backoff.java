package io.leadbridge.delivery.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter (a uniformly random wait between zero and the exponential
 * ceiling), so retries of many deliveries that failed together spread out instead of arriving
 * together. Resilience4j's randomized backoff only jitters around the ceiling, hence these few
 * lines. Immutable and thread-safe.
 */
public final class Backoff {

  private final long baseMillis;
  private final long capMillis;

  public Backoff(Duration base, Duration cap) {
    this.baseMillis = base.toMillis();
    this.capMillis = cap.toMillis();
  }

  /**
   * The wait before the next try.
   *
   * @param attempts the attempts made so far, at least 1
   */
  public Duration after(int attempts) {
    int doublings = Math.min(Math.max(attempts - 1, 0), 40);
    long ceiling = baseMillis > (capMillis >> doublings) ? capMillis : baseMillis << doublings;
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(Math.max(ceiling, 1) + 1));
  }
}
