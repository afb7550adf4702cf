package io.leadbridge.plugins.hubspot.internal;

import io.leadbridge.connector.api.ConnectorContext;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.http.RateLimitReport;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connector.api.http.VendorResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads HubSpot's rate-limit signals (VENDOR-API-FACTS §1.6): the {@code X-HubSpot-RateLimit-*}
 * headers, passed on to the host, and the two kinds of 429. Stateless and thread-safe.
 */
final class RateLimitSignals {

    /** HubSpot's rolling window for private apps. */
    static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private RateLimitSignals() {
    }

    /**
     * Reports the window and daily figures to the host. HubSpot omits the headers when it fails to
     * gather them; absent or malformed ones are skipped.
     */
    static void report(VendorResponse response, ConnectorContext context, ZoneId portalZone) {
        number(response, "X-HubSpot-RateLimit-Remaining").ifPresent(remaining -> {
            RateLimitReport report = RateLimitReport.remaining(RateLimitScope.WINDOW, remaining);
            OptionalLong max = number(response, "X-HubSpot-RateLimit-Max");
            if (max.isPresent() && max.getAsLong() >= 1) {
                report = report.withLimit(max.getAsLong());
            }
            OptionalLong interval = number(response, "X-HubSpot-RateLimit-Interval-Milliseconds");
            if (interval.isPresent() && interval.getAsLong() >= 1) {
                report = report.withWindow(Duration.ofMillis(interval.getAsLong()));
            }
            context.rateLimits().report(report);
        });
        number(response, "X-HubSpot-RateLimit-Daily-Remaining").ifPresent(remaining -> {
            RateLimitReport report = RateLimitReport.remaining(RateLimitScope.DAILY, remaining)
                    .withResetAt(nextMidnight(context.clock().instant(), portalZone));
            OptionalLong daily = number(response, "X-HubSpot-RateLimit-Daily");
            if (daily.isPresent() && daily.getAsLong() >= 1) {
                report = report.withLimit(daily.getAsLong());
            }
            context.rateLimits().report(report);
        });
    }

    /**
     * The outcome of a 429, also passed to the host's limiter. {@code DAILY} waits until the next
     * midnight in the account's time zone, the ten-second limit for the window; a
     * {@code Retry-After} overrides either.
     */
    static DeliveryOutcome.RateLimited outcomeOf429(VendorResponse response, HubSpotError error,
            ConnectorContext context, ZoneId portalZone) {
        boolean daily = "DAILY".equals(error.policyName()) || (error.policyName().isEmpty()
                && number(response, "X-HubSpot-RateLimit-Daily-Remaining").orElse(-1) == 0);
        Optional<Duration> told = response.retryAfter(context.clock());
        Instant now = context.clock().instant();
        RateLimitScope scope = daily ? RateLimitScope.DAILY : RateLimitScope.WINDOW;
        Duration wait = told.orElseGet(() -> daily ? Duration.between(now, nextMidnight(now, portalZone))
                : windowWait(response, error));
        context.rateLimits().retryAfter(wait, scope);
        return DeliveryOutcome.rateLimited(wait, scope);
    }

    private static Duration windowWait(VendorResponse response, HubSpotError error) {
        if ("SECONDLY".equals(error.policyName())) {
            return ONE_SECOND;
        }
        OptionalLong interval = number(response, "X-HubSpot-RateLimit-Interval-Milliseconds");
        return interval.isPresent() && interval.getAsLong() >= 1 ? Duration.ofMillis(interval.getAsLong()) : TEN_SECONDS;
    }

    /** @return the first instant of the day after {@code now}'s day in the zone (DST-aware) */
    static Instant nextMidnight(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static OptionalLong number(VendorResponse response, String header) {
        Optional<String> value = response.header(header).map(String::trim);
        if (value.isEmpty() || !value.get().matches("[0-9]{1,18}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(value.get()));
    }
}
