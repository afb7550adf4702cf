package io.leadbridge.connector.api;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A vendor's documented request limits for one integration (one token or account): the host's
 * starting point for pacing calls until the vendor's own rate-limit headers say more. Immutable
 * and thread-safe.
 *
 * <p>Examples: HubSpot private app (Free) {@code of(100, Duration.ofSeconds(10)).withDailyCap(250_000,
 * portalZone)}; Pipedrive {@code of(20, Duration.ofSeconds(2))}; Salesforce's rolling 24 hours
 * {@code of(100_000, Duration.ofDays(1))}.
 */
public final class RateLimitProfile {

    private final int permits;
    private final Duration window;
    private final OptionalLong dailyCap;
    private final Optional<ZoneId> dailyResetZone;

    private RateLimitProfile(int permits, Duration window, OptionalLong dailyCap, Optional<ZoneId> dailyResetZone) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1");
        }
        Checks.positive(window, "window");
        if (window.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("window must not be longer than one day");
        }
        this.permits = permits;
        this.window = window;
        this.dailyCap = dailyCap;
        this.dailyResetZone = dailyResetZone;
    }

    /**
     * @param permits calls allowed per window; at least 1
     * @param window  the window, rolling; positive, at most one day
     * @return a profile without a daily cap
     */
    public static RateLimitProfile of(int permits, Duration window) {
        return new RateLimitProfile(permits, window, OptionalLong.empty(), Optional.empty());
    }

    /**
     * @param cap       calls allowed per calendar day; at least 1
     * @param resetZone the time zone whose midnight resets the count (HubSpot: the account's zone;
     *                  Pipedrive: UTC)
     * @return a copy of this profile with a daily cap
     */
    public RateLimitProfile withDailyCap(long cap, ZoneId resetZone) {
        if (cap < 1) {
            throw new IllegalArgumentException("daily cap must be at least 1");
        }
        return new RateLimitProfile(permits, window, OptionalLong.of(cap),
                Optional.of(Objects.requireNonNull(resetZone, "resetZone")));
    }

    /** @return calls allowed per {@link #window()} */
    public int permits() {
        return permits;
    }

    /** @return the rolling window the permits apply to */
    public Duration window() {
        return window;
    }

    /** @return calls allowed per calendar day, if the vendor caps them */
    public OptionalLong dailyCap() {
        return dailyCap;
    }

    /** @return the zone whose midnight resets the daily cap; present exactly when the cap is */
    public Optional<ZoneId> dailyResetZone() {
        return dailyResetZone;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RateLimitProfile that
                && permits == that.permits
                && window.equals(that.window)
                && dailyCap.equals(that.dailyCap)
                && dailyResetZone.equals(that.dailyResetZone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(permits, window, dailyCap, dailyResetZone);
    }

    @Override
    public String toString() {
        String daily = dailyCap.isPresent() ? ", daily " + dailyCap.getAsLong() + " " + dailyResetZone.orElseThrow() : "";
        return "RateLimitProfile[" + permits + " per " + window + daily + "]";
    }
}
