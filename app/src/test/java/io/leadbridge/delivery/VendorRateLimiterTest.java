package io.leadbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.http.RateLimitReport;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connectors.IntegrationKey;
import io.leadbridge.delivery.internal.NodePacing;
import io.leadbridge.simulators.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The vendor rate limiter on a moved clock: a rolling window lets exactly its permits through, and
 * a vendor saying "nothing remains" holds calls until the oldest call in its window leaves it, not
 * a whole window from now. Not thread-safe (each test owns its limiter).
 */
class VendorRateLimiterTest {

  private static final Duration WINDOW = Duration.ofSeconds(10);
  private static final Duration GUARD = Duration.ofMillis(200);
  private static final RateLimitProfile THREE_PER_WINDOW = RateLimitProfile.of(3, WINDOW);

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T12:00:00Z"));
  private final VendorRateLimiter limiter = new VendorRateLimiter(new NodePacing(GUARD, clock), clock);
  private final IntegrationKey key = new IntegrationKey("hubspot", UUID.randomUUID(), UUID.randomUUID());

  @Test
  void aRollingWindowLetsItsPermitsThroughAndThenWaitsForTheOldestToLeave() throws Exception {
    sendAndAdvance(Duration.ofSeconds(1));
    sendAndAdvance(Duration.ofSeconds(1));
    sendAndAdvance(Duration.ofSeconds(1));

    assertThat(limiter.waitFor(key)).isEqualTo(WINDOW.plus(GUARD).minusSeconds(3));
    clock.advance(WINDOW.plus(GUARD).minusSeconds(3));
    assertThat(limiter.waitFor(key)).isZero();
  }

  @Test
  void nothingRemainingHoldsCallsUntilTheOldestCallInTheWindowLeavesIt() throws Exception {
    sendAndAdvance(Duration.ofSeconds(4));
    sendAndAdvance(Duration.ofSeconds(1));
    limiter.report(key, windowReport(0));

    // The first send (5 s ago) leaves the vendor's window in 5 s; the guard covers clock skew.
    assertThat(limiter.waitFor(key)).isEqualTo(Duration.ofSeconds(5).plus(GUARD));
  }

  @Test
  void nothingRemainingWithNoSendOfOursInTheWindowHoldsAWholeWindow() throws Exception {
    sendAndAdvance(Duration.ofSeconds(11));
    limiter.report(key, windowReport(0));

    assertThat(limiter.waitFor(key)).isEqualTo(WINDOW);
  }

  @Test
  void aReportedResetTimeIsFollowed() throws Exception {
    sendAndAdvance(Duration.ofSeconds(1));
    limiter.report(key, windowReport(0).withResetAt(clock.instant().plusSeconds(30)));

    assertThat(limiter.waitFor(key)).isEqualTo(Duration.ofSeconds(30));
  }

  private void sendAndAdvance(Duration after) throws InterruptedException {
    assertThat(limiter.acquire(key, THREE_PER_WINDOW, clock.instant()).granted()).isTrue();
    clock.advance(after);
  }

  private static RateLimitReport windowReport(long remaining) {
    return RateLimitReport.remaining(RateLimitScope.WINDOW, remaining).withLimit(3).withWindow(WINDOW);
  }
}
