package io.leadbridge.connector.api.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The host's rate limiter for the integration had no permit before the call's deadline, so the
 * request was not sent. Map it to
 * {@link io.leadbridge.connector.api.DeliveryOutcome#rateLimited} with {@link #retryAfter()} and
 * {@link #scope()}. Its state is fixed when it is created, so it is safe to read from any thread.
 */
public final class RequestThrottledException extends VendorHttpException {

    private static final long serialVersionUID = 1L;

    /** When a permit is expected. */
    private final Duration retryAfter;
    /** Which limit is exhausted. */
    private final RateLimitScope scope;

    /**
     * @param retryAfter when a permit is expected; not negative
     * @param scope      which limit is exhausted
     */
    public RequestThrottledException(Duration retryAfter, RateLimitScope scope) {
        super("no rate-limit permit before the deadline (" + scope + ", retry after " + retryAfter + ")", null);
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative");
        }
        this.retryAfter = retryAfter;
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /** @return when a permit is expected */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** @return which limit is exhausted */
    public RateLimitScope scope() {
        return scope;
    }
}
