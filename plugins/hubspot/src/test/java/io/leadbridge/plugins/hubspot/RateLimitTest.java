package io.leadbridge.plugins.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.http.RateLimitReport;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connector.api.testing.FakeConnectorContext;
import io.leadbridge.simulators.hubspot.HubSpotSimulator;
import io.leadbridge.simulators.hubspot.RetryAfterPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tests HubSpot's two rate limits against the simulator: the rolling ten seconds waits for the
 * window, the daily limit until midnight in the account's time zone, and the headers reach the
 * host's limiter. Each test runs confined to one JUnit thread.
 */
class RateLimitTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    /** The first midnight in Chicago after {@link SimulatedPortal#START} (CDT, UTC-5). */
    private static final Instant CHICAGO_MIDNIGHT = Instant.parse("2026-03-11T05:00:00Z");

    private final HubSpotConnector connector = new HubSpotConnector();
    private SimulatedPortal portal;

    @AfterEach
    void closePortal() {
        portal.close();
    }

    private List<DeliveryOutcome> deliverOne(FakeConnectorContext context) {
        return connector.deliver(Leads.many(1, "r" + portal.sim.requestCount() + "-"), context);
    }

    private FakeConnectorContext chicago() {
        return portal.context().setting("portalTimeZone", "America/Chicago").build();
    }

    @Test
    void theTenSecondLimitWaitsUntilTheOldestCallLeavesTheWindow() {
        portal = new SimulatedPortal(builder -> builder.tenSecondLimit(2));
        deliverOne(chicago());
        portal.clock.advance(Duration.ofSeconds(4));
        deliverOne(chicago());
        portal.clock.advance(Duration.ofSeconds(2));
        FakeConnectorContext limited = chicago();

        List<DeliveryOutcome> outcomes = deliverOne(limited);

        assertThat(outcomes).containsExactly(DeliveryOutcome.rateLimited(Duration.ofSeconds(4), RateLimitScope.WINDOW));
        assertThat(limited.retryAfters()).containsExactly(Map.entry(RateLimitScope.WINDOW, Duration.ofSeconds(4)));
        portal.clock.advance(Duration.ofSeconds(4));
        assertThat(deliverOne(chicago())).singleElement().isInstanceOf(DeliveryOutcome.Delivered.class);
    }

    @Test
    void withoutRetryAfterTheTenSecondLimitWaitsAWholeWindow() {
        portal = new SimulatedPortal(builder -> builder.tenSecondLimit(1).retryAfter(RetryAfterPolicy.NEVER));
        deliverOne(chicago());

        assertThat(deliverOne(chicago()))
                .containsExactly(DeliveryOutcome.rateLimited(Duration.ofSeconds(10), RateLimitScope.WINDOW));
    }

    @Test
    void theDailyLimitWaitsUntilMidnightInThePortalsTimeZone() {
        portal = new SimulatedPortal(dailyLimitOfOne(RetryAfterPolicy.TEN_SECONDLY_ONLY));
        deliverOne(chicago());
        FakeConnectorContext limited = chicago();

        List<DeliveryOutcome> outcomes = deliverOne(limited);

        Duration untilMidnight = Duration.between(SimulatedPortal.START, CHICAGO_MIDNIGHT);
        assertThat(untilMidnight).isEqualTo(Duration.ofHours(17));
        assertThat(outcomes).containsExactly(DeliveryOutcome.rateLimited(untilMidnight, RateLimitScope.DAILY));
        assertThat(limited.retryAfters()).containsExactly(Map.entry(RateLimitScope.DAILY, untilMidnight));
        portal.clock.set(CHICAGO_MIDNIGHT.minusSeconds(1));
        assertThat(deliverOne(chicago()))
                .containsExactly(DeliveryOutcome.rateLimited(Duration.ofSeconds(1), RateLimitScope.DAILY));
        portal.clock.set(CHICAGO_MIDNIGHT);
        assertThat(deliverOne(chicago())).singleElement().isInstanceOf(DeliveryOutcome.Delivered.class);
    }

    @Test
    void aDailyRetryAfterFromHubSpotWinsOverTheComputedMidnight() {
        portal = new SimulatedPortal(dailyLimitOfOne(RetryAfterPolicy.ALL_RATE_LIMITS));
        FakeConnectorContext utcSetting = portal.context().build();
        deliverOne(utcSetting);

        assertThat(deliverOne(portal.context().build())).containsExactly(
                DeliveryOutcome.rateLimited(Duration.between(SimulatedPortal.START, CHICAGO_MIDNIGHT), RateLimitScope.DAILY));
    }

    private static UnaryOperator<HubSpotSimulator.Builder> dailyLimitOfOne(RetryAfterPolicy retryAfter) {
        return builder -> builder.dailyLimit(1).timeZone(CHICAGO).retryAfter(retryAfter);
    }

    @Test
    void theRateLimitHeadersReachTheHostsLimiter() {
        portal = new SimulatedPortal(builder -> builder.timeZone(CHICAGO));
        FakeConnectorContext context = chicago();

        deliverOne(context);

        assertThat(context.rateLimitReports()).containsExactly(
                RateLimitReport.remaining(RateLimitScope.WINDOW, 99).withLimit(100).withWindow(Duration.ofSeconds(10)),
                RateLimitReport.remaining(RateLimitScope.DAILY, 249_999).withLimit(250_000).withResetAt(CHICAGO_MIDNIGHT));
    }

    @Test
    void missingRateLimitHeadersAreSkipped() {
        portal = new SimulatedPortal();
        portal.sim.chaos().omitRateLimitHeadersWithProbability(1);
        FakeConnectorContext context = chicago();

        assertThat(deliverOne(context)).singleElement().isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(context.rateLimitReports()).isEmpty();
    }
}
