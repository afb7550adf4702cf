package io.leadbridge.connector.api;

import io.leadbridge.connector.api.http.RateLimitFeedback;
import io.leadbridge.connector.api.http.VendorHttpClient;
import io.leadbridge.connector.api.mail.VendorMailClient;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Everything the host grants a plugin for one call, and nothing more: which integration the call
 * is for, its settings, its credentials, a client pinned to its vendor endpoint, rate-limit
 * feedback, a clock, metrics and a logger. Implemented by the host; thread-safe.
 *
 * <p><b>One context per call.</b> The host creates a context for each
 * {@link CrmConnector#check} and {@link CrmConnector#deliver} call, for exactly one tenant and one
 * integration. It is valid until the call returns or the host abandons it (see
 * {@link #deadline()}); after that its clients refuse to send and
 * {@link CredentialAccess#withSecret} throws {@link IllegalStateException}. Do not keep a context
 * or anything obtained from it beyond the call.
 *
 * <p>A plugin gets no other way to reach the network, the file system, the database or another
 * tenant's data from the host; it must not open its own connections or start threads.
 */
public interface ConnectorContext {

    /** @return the tenant this call is for */
    UUID tenantId();

    /** @return the integration (the tenant's account at the vendor) this call is for */
    UUID integrationId();

    /** @return the integration's non-secret settings, by the descriptor's settings fields */
    Settings settings();

    /** @return the integration's credentials, by the descriptor's credential fields */
    CredentialAccess credentials();

    /**
     * The HTTP client for a {@link Transport#HTTP} connector: pinned to the integration's base URL
     * and subject to the integration's rate limiter and the call's deadline.
     *
     * @return the client
     * @throws IllegalStateException if the connector's transport is not {@link Transport#HTTP}
     */
    VendorHttpClient http();

    /**
     * The mail client for a {@link Transport#EMAIL} connector: pinned to the integration's
     * {@code mailto:} address and subject to the call's deadline.
     *
     * @return the client
     * @throws IllegalStateException if the connector's transport is not {@link Transport#EMAIL}
     */
    VendorMailClient mail();

    /** @return where to report the vendor's rate-limit headers, for the host's limiter */
    RateLimitFeedback rateLimits();

    /**
     * @return the clock to use for every time computation (tests give a fixed one); do not use
     *         {@link Instant#now()} or {@link System#currentTimeMillis()}
     */
    Clock clock();

    /**
     * When the host stops waiting for this call. After it, sends fail at once with a timeout,
     * and if the call has not returned shortly after, the host abandons it: it interrupts the
     * thread, treats every record of the batch as retryable and ignores the result. A plugin that
     * makes several vendor calls per batch should check the deadline between records and return
     * {@link DeliveryOutcome#retryable} for those it did not reach, so the finished ones count.
     *
     * @return the deadline, on {@link #clock()}'s time line
     */
    Instant deadline();

    /** @return counters and timers for this connector */
    ConnectorMetrics metrics();

    /** @return the logger for this call */
    ConnectorLog log();
}
