package io.leadbridge.connector.api.http;

import java.time.Duration;

/**
 * Where a plugin passes on what the vendor said about its rate limits, because only the plugin can
 * read vendor-specific headers and bodies; the host's per-integration limiter adapts to it.
 * Implemented by the host; thread-safe; never throws for a well-formed report.
 *
 * <p>What the host does: a report with a limit and window replaces the descriptor's default
 * profile for the integration (the vendor knows the account's tier); a remaining count of 0 pauses
 * the integration until the reset time (else for the window, or until the daily reset of the
 * profile's zone); a low remaining count slows the integration down; {@link #retryAfter} pauses it
 * for the delay. The host keeps this per integration, not per call, and bounds what it accepts.
 * Report after every vendor response that carries such headers, also on success; it costs little.
 */
public interface RateLimitFeedback {

    /**
     * Passes on the vendor's rate-limit headers.
     *
     * @param report what they said
     */
    void report(RateLimitReport report);

    /**
     * Passes on a {@code Retry-After} (or an equivalent in the body, such as HubSpot's daily
     * {@code policyName}): the vendor wants no calls for {@code delay}.
     *
     * @param delay how long to wait; not negative
     * @param scope which limit it is about
     */
    void retryAfter(Duration delay, RateLimitScope scope);
}
