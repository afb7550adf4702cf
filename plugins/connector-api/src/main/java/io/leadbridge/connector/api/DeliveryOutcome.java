package io.leadbridge.connector.api;

import io.leadbridge.connector.api.http.RateLimitScope;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What became of one {@link io.leadbridge.connector.api.lead.LeadRecord} in a call to
 * {@link CrmConnector#deliver}; the host's retry, dead-letter and pause decisions rest on it.
 * Every outcome is an immutable, thread-safe record; create them with the static factories.
 *
 * <p>What the host does with each outcome (an <em>attempt</em> counts towards the delivery's
 * retry budget; the integration's circuit breaker counts vendor failures):
 * <table>
 *   <caption>Host reaction per outcome</caption>
 *   <tr><th>Outcome</th><th>Delivery becomes</th><th>Attempt used</th><th>Beyond this record</th></tr>
 *   <tr><td>{@link Delivered}</td><td>{@code delivered}; the remote id is stored and shown to the
 *       tenant</td><td>yes</td><td>circuit breaker: success</td></tr>
 *   <tr><td>{@link Retryable}</td><td>{@code retrying}, due again after the longer of
 *       {@code retryAfter} and the host's exponential backoff with jitter; {@code dead} (a dead
 *       letter an operator can replay) once the retry budget is spent</td><td>yes</td>
 *       <td>circuit breaker: failure</td></tr>
 *   <tr><td>{@link RateLimited}</td><td>stays due, not before {@code retryAfter}</td><td>no</td>
 *       <td>the whole integration's rate limiter is paused for {@code retryAfter}; circuit breaker:
 *       not counted</td></tr>
 *   <tr><td>{@link Rejected}</td><td>{@code dead} at once, with the code and message</td>
 *       <td>yes</td><td>none: the vendor is healthy, the data is not</td></tr>
 *   <tr><td>{@link AuthFailed}</td><td>stays due</td><td>no</td><td>the integration is paused
 *       (it needs the tenant's attention); its queued deliveries wait, nothing is dropped, and
 *       they flow again when the tenant replaces the credentials or re-enables it</td></tr>
 * </table>
 * A delivery that has waited longer than the host's maximum age is dead-lettered whatever its
 * outcomes. When one batch holds several kinds of outcome, the host applies each to its record,
 * then any pause they call for.
 *
 * <p>Texts (reason, message) are stored, shown to the tenant and logged: they must not contain
 * secrets or personal data (quote a vendor's error code or field name, not the rejected value).
 * Texts longer than {@value #MAX_TEXT_LENGTH} characters are cut.
 */
public sealed interface DeliveryOutcome {

    /** Longest reason or message kept; longer ones are cut to this many characters. */
    int MAX_TEXT_LENGTH = 500;

    /** Longest remote id accepted. */
    int MAX_REMOTE_ID_LENGTH = 255;

    /** Pattern of a {@link Rejected#code()}: a short machine-readable identifier. */
    Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    /**
     * The vendor has the lead: it was created or updated. Immutable and thread-safe.
     *
     * @param remoteId the vendor's id for the record written (the contact, lead or person; for
     *                 e-mail delivery, the message id the mail client returned); not blank, at
     *                 most {@value DeliveryOutcome#MAX_REMOTE_ID_LENGTH} characters
     * @param change   whether the vendor created or updated a record
     */
    record Delivered(String remoteId, Change change) implements DeliveryOutcome {

        /**
         * Validates the components.
         *
         * @param remoteId the vendor's id for the record
         * @param change whether the vendor created or updated a record
         */
        public Delivered {
            Checks.required(remoteId, "remoteId");
            if (remoteId.length() > MAX_REMOTE_ID_LENGTH) {
                throw new IllegalArgumentException("remoteId longer than " + MAX_REMOTE_ID_LENGTH);
            }
            Objects.requireNonNull(change, "change");
        }
    }

    /**
     * A transient failure: the same lead may well succeed later (vendor 5xx, timeout, connection
     * failure, an ambiguous answer). If in doubt between this and {@link Rejected}, choose this:
     * the retry budget ends in a dead letter anyway. Immutable and thread-safe.
     *
     * @param reason     why, for the tenant and the log; not blank
     * @param retryAfter the earliest useful retry, if the vendor said (a {@code Retry-After} on a
     *                   503); not negative
     */
    record Retryable(String reason, Optional<Duration> retryAfter) implements DeliveryOutcome {

        /**
         * Validates the components.
         *
         * @param reason why; cut if too long
         * @param retryAfter the earliest useful retry, if the vendor said
         */
        public Retryable {
            reason = Checks.cut(reason, "reason", MAX_TEXT_LENGTH);
            Objects.requireNonNull(retryAfter, "retryAfter");
            retryAfter.ifPresent(delay -> Checks.notNegative(delay, "retryAfter"));
        }
    }

    /**
     * The vendor refused because of its rate limit (HubSpot and Pipedrive 429, Salesforce 403
     * {@code REQUEST_LIMIT_EXCEEDED}), or the host's own limiter had no permit
     * ({@link io.leadbridge.connector.api.http.RequestThrottledException}). Nothing is wrong with
     * the lead or the vendor; it uses no attempt. Immutable and thread-safe.
     *
     * @param retryAfter how long the whole integration should wait: the vendor's
     *                   {@code Retry-After} or reset time if it gave one, else the window length
     *                   or the time until the daily reset; not negative
     * @param scope      which limit was hit
     */
    record RateLimited(Duration retryAfter, RateLimitScope scope) implements DeliveryOutcome {

        /**
         * Validates the components.
         *
         * @param retryAfter how long the whole integration should wait
         * @param scope which limit was hit
         */
        public RateLimited {
            Checks.notNegative(retryAfter, "retryAfter");
            Objects.requireNonNull(scope, "scope");
        }
    }

    /**
     * A permanent failure of this lead: the vendor will refuse it again however often it is sent
     * (a validation error, a missing required field, a duplicate rule that blocks). The delivery
     * becomes a dead letter at once; an operator may replay it after the mapping or the vendor
     * configuration is fixed. Immutable and thread-safe.
     *
     * @param code    a short machine-readable code matching {@link DeliveryOutcome#CODE}, shown to
     *                the tenant as the delivery's last error code (such as
     *                {@code REQUIRED_FIELD_MISSING})
     * @param message what was wrong, for the tenant and the log; not blank
     */
    record Rejected(String code, String message) implements DeliveryOutcome {

        /**
         * Validates the components.
         *
         * @param code a machine-readable code matching {@link DeliveryOutcome#CODE}
         * @param message what was wrong; cut if too long
         */
        public Rejected {
            Objects.requireNonNull(code, "code");
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("code must match " + CODE.pattern());
            }
            message = Checks.cut(message, "message", MAX_TEXT_LENGTH);
        }
    }

    /**
     * The vendor refused the integration's credentials (HubSpot 401 {@code INVALID_AUTHENTICATION},
     * Salesforce {@code invalid_grant}, Pipedrive 401): retrying cannot help until the tenant acts.
     * The host pauses the integration; it uses no attempt. Immutable and thread-safe.
     *
     * @param message what the vendor said, for the tenant and the log; not blank
     */
    record AuthFailed(String message) implements DeliveryOutcome {

        /**
         * Validates the components.
         *
         * @param message what the vendor said; cut if too long
         */
        public AuthFailed {
            message = Checks.cut(message, "message", MAX_TEXT_LENGTH);
        }
    }

    /** What a {@link Delivered} write did at the vendor. Immutable and thread-safe. */
    enum Change {
        /** A new record was created. */
        CREATED,
        /** An existing record (found by the lead id) was updated. */
        UPDATED,
        /** The vendor accepted the lead but cannot say which (e-mail delivery, for example). */
        UNKNOWN
    }

    /**
     * @param remoteId the vendor's id for the record
     * @param change   whether it was created or updated
     * @return a {@link Delivered}
     */
    static Delivered delivered(String remoteId, Change change) {
        return new Delivered(remoteId, change);
    }

    /**
     * @param remoteId the vendor's id for the new record
     * @return a {@link Delivered} with {@link Change#CREATED}
     */
    static Delivered created(String remoteId) {
        return new Delivered(remoteId, Change.CREATED);
    }

    /**
     * @param remoteId the vendor's id for the updated record
     * @return a {@link Delivered} with {@link Change#UPDATED}
     */
    static Delivered updated(String remoteId) {
        return new Delivered(remoteId, Change.UPDATED);
    }

    /**
     * @param reason why; not blank
     * @return a {@link Retryable} without a vendor-given delay
     */
    static Retryable retryable(String reason) {
        return new Retryable(reason, Optional.empty());
    }

    /**
     * @param reason     why; not blank
     * @param retryAfter the earliest useful retry; not negative
     * @return a {@link Retryable}
     */
    static Retryable retryable(String reason, Duration retryAfter) {
        return new Retryable(reason, Optional.of(retryAfter));
    }

    /**
     * @param retryAfter how long the integration should wait; not negative
     * @param scope      which limit was hit
     * @return a {@link RateLimited}
     */
    static RateLimited rateLimited(Duration retryAfter, RateLimitScope scope) {
        return new RateLimited(retryAfter, scope);
    }

    /**
     * @param code    a machine-readable code matching {@link #CODE}
     * @param message what was wrong; not blank
     * @return a {@link Rejected}
     */
    static Rejected rejected(String code, String message) {
        return new Rejected(code, message);
    }

    /**
     * @param message what the vendor said; not blank
     * @return an {@link AuthFailed}
     */
    static AuthFailed authFailed(String message) {
        return new AuthFailed(message);
    }
}
