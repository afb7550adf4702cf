package io.leadbridge.delivery.internal;

import io.leadbridge.connector.api.http.RateLimitScope;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How long before a vendor account may be called again, and which of its limits is the reason;
 * immutable.
 *
 * @param duration zero when a call may go now
 * @param scope the limit that binds
 * @param send the request counted against the budget, when a call was granted and counted
 */
public record Wait(Duration duration, RateLimitScope scope, Optional<UUID> send) {

  /** A call may go now. */
  public static final Wait NONE = new Wait(Duration.ZERO, RateLimitScope.WINDOW, Optional.empty());

  public Wait {
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(send, "send");
    if (duration.isNegative()) {
      duration = Duration.ZERO;
    }
  }

  /** A wait of {@code duration} for the limit {@code scope}. */
  public Wait(Duration duration, RateLimitScope scope) {
    this(duration, scope, Optional.empty());
  }

  /** A call granted now and counted as {@code send}. */
  static Wait granted(UUID send) {
    return new Wait(Duration.ZERO, RateLimitScope.WINDOW, Optional.of(send));
  }

  /** Whether a call may go now. */
  public boolean none() {
    return duration.isZero();
  }
}
