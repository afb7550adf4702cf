package io.leadbridge.apilimits.internal;

import io.leadbridge.errors.ErrorKind;
import io.leadbridge.errors.LeadbridgeException;
import java.time.Duration;
import java.util.Optional;

/**
 * A request over its caller's budget: 429 {@code rate_limited}, {@code Retry-After} the whole
 * seconds until the window ends, and a detail naming the limit; immutable.
 */
final class ApiLimitExceeded extends LeadbridgeException {

  static final String CODE = "rate_limited";

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  private ApiLimitExceeded(String detail, Duration retryAfter) {
    super(ErrorKind.TOO_MANY_REQUESTS, CODE, detail);
    this.retryAfter = retryAfter;
  }

  /**
   * The refusal of a request of {@code requestClass} by {@code kind}, which may make {@code limit}
   * of them per {@code window}, while the window still runs for {@code untilWindowEnds}.
   */
  static ApiLimitExceeded of(CallerKind kind, RequestClass requestClass, int limit, Duration window,
      Duration untilWindowEnds) {
    // Rounded up: a client that waits what it was told finds the new window open.
    long seconds = Math.max(1, untilWindowEnds.getSeconds() + (untilWindowEnds.getNano() > 0 ? 1 : 0));
    String detail = "at most " + limit + " " + requestClass.label() + "s per " + inWords(window) + " for "
        + kind.inWords() + "; try again in " + seconds + " s";
    return new ApiLimitExceeded(detail, Duration.ofSeconds(seconds));
  }

  /** "minute", "10 minutes", "hour", "90 seconds": the window as the detail says it. */
  private static String inWords(Duration window) {
    long seconds = window.getSeconds();
    if (seconds % 3600 == 0) {
      return count(seconds / 3600, "hour");
    }
    if (seconds % 60 == 0) {
      return count(seconds / 60, "minute");
    }
    return count(seconds, "second");
  }

  private static String count(long n, String unit) {
    return n == 1 ? unit : n + " " + unit + "s";
  }

  @Override
  public Optional<Duration> retryAfter() {
    return Optional.of(retryAfter);
  }
}
