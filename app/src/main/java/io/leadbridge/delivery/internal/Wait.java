package io.leadbridge.delivery.internal;

import io.leadbridge.connector.api.http.RateLimitScope;
import java.time.Duration;
import java.util.Objects;

/**
 * How long before a vendor account may be called again, and which of its limits is the reason;
 * immutable.
 *
 * @param duration zero when a call may go now
 * @param scope the limit that binds
 */
public record Wait(Duration duration, RateLimitScope scope) {

  /** A call may go now. */
  public static final Wait NONE = new Wait(Duration.ZERO, RateLimitScope.WINDOW);

  public Wait {
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(scope, "scope");
    if (duration.isNegative()) {
      duration = Duration.ZERO;
    }
  }

  /** Whether a call may go now. */
  public boolean none() {
    return duration.isZero();
  }
}
