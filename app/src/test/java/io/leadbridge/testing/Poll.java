package io.leadbridge.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline instead of a fixed sleep; stateless. */
public final class Poll {

  private static final long INTERVAL_MILLIS = 200;

  private Poll() {}

  /** Returns once {@code condition} holds; fails naming {@code what} when it still does not after {@code timeout}. */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("waited " + timeout.toSeconds() + " s for: " + what);
      }
      sleep(INTERVAL_MILLIS);
    }
  }

  /** Sleeps; an interrupt ends the test. */
  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
