package io.leadbridge.connector.api.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a vendor's rate-limit headers said about one of its limits, for
 * {@link RateLimitFeedback#report}. Immutable and thread-safe; the {@code with...} methods return
 * copies.
 *
 * <p>Examples: HubSpot {@code X-HubSpot-RateLimit-Remaining: 187}, {@code -Max: 190},
 * {@code -Interval-Milliseconds: 10000} →
 * {@code remaining(WINDOW, 187).withLimit(190).withWindow(Duration.ofSeconds(10))}; Pipedrive
 * {@code x-ratelimit-remaining: 39}, {@code x-ratelimit-limit: 40}, {@code x-ratelimit-reset: 2} →
 * {@code remaining(WINDOW, 39).withLimit(40).withResetAt(now.plusSeconds(2))}; Salesforce
 * {@code Sforce-Limit-Info: api-usage=10018/100000} →
 * {@code remaining(DAILY, 89982).withLimit(100000)}.
 */
public final class RateLimitReport {

    private final RateLimitScope scope;
    private final long remaining;
    private final OptionalLong limit;
    private final Optional<Duration> window;
    private final Optional<Instant> resetAt;

    private RateLimitReport(RateLimitScope scope, long remaining, OptionalLong limit, Optional<Duration> window,
            Optional<Instant> resetAt) {
        this.scope = Objects.requireNonNull(scope, "scope");
        if (remaining < 0) {
            throw new IllegalArgumentException("remaining must not be negative");
        }
        this.remaining = remaining;
        this.limit = limit;
        this.window = window;
        this.resetAt = resetAt;
    }

    /**
     * @param scope     which limit the numbers are about
     * @param remaining calls left before the vendor refuses; not negative
     * @return a report with only the remaining count
     */
    public static RateLimitReport remaining(RateLimitScope scope, long remaining) {
        return new RateLimitReport(scope, remaining, OptionalLong.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * @param limit the calls allowed in the limit's window or day; at least 1
     * @return a copy with the limit
     */
    public RateLimitReport withLimit(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return new RateLimitReport(scope, remaining, OptionalLong.of(limit), window, resetAt);
    }

    /**
     * @param window the length of the limit's window; positive
     * @return a copy with the window
     */
    public RateLimitReport withWindow(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        return new RateLimitReport(scope, remaining, limit, Optional.of(window), resetAt);
    }

    /**
     * @param resetAt when the remaining count resets (compute it with the context's clock)
     * @return a copy with the reset time
     */
    public RateLimitReport withResetAt(Instant resetAt) {
        return new RateLimitReport(scope, remaining, limit, window, Optional.of(Objects.requireNonNull(resetAt, "resetAt")));
    }

    /** @return which limit the numbers are about */
    public RateLimitScope scope() {
        return scope;
    }

    /** @return calls left before the vendor refuses */
    public long remaining() {
        return remaining;
    }

    /** @return the calls allowed in the window or day, if the vendor said */
    public OptionalLong limit() {
        return limit;
    }

    /** @return the length of the window, if the vendor said */
    public Optional<Duration> window() {
        return window;
    }

    /** @return when the count resets, if the vendor said */
    public Optional<Instant> resetAt() {
        return resetAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RateLimitReport that
                && scope == that.scope
                && remaining == that.remaining
                && limit.equals(that.limit)
                && window.equals(that.window)
                && resetAt.equals(that.resetAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scope, remaining, limit, window, resetAt);
    }

    @Override
    public String toString() {
        return "RateLimitReport[" + scope + ", remaining=" + remaining
                + limit.stream().mapToObj(value -> ", limit=" + value).findFirst().orElse("")
                + window.map(value -> ", window=" + value).orElse("")
                + resetAt.map(value -> ", resetAt=" + value).orElse("") + "]";
    }
}
