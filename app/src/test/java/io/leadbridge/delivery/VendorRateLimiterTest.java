package io.leadbridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.http.RateLimitReport;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connectors.IntegrationKey;
import io.leadbridge.connectors.IntegrationRateLimits;
import io.leadbridge.delivery.internal.NodePacing;
import io.leadbridge.simulators.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void anAccountPausedRightAfterTheDispatcherReadWhichAccountsAreInUseCountsAtOnce() {
    assertThat(limiter.accountsInUse()).isEmpty();

    limiter.retryAfter(key, Duration.ofMinutes(5), RateLimitScope.WINDOW);

    assertThat(limiter.usedSinceLastLook(key)).isTrue();
    assertThat(limiter.waitFor(key)).isEqualTo(Duration.ofMinutes(5));
    assertThat(limiter.accountsInUse()).extracting(a -> a.account()).containsExactly(key.account());
    assertThat(limiter.usedSinceLastLook(key)).isFalse();
  }

  /** One request that is granted and answered at once, then the clock moves on. */
  private void sendAndAdvance(Duration after) throws InterruptedException {
    IntegrationRateLimits.Permit permit = limiter.acquire(key, THREE_PER_WINDOW, clock.instant());
    assertThat(permit.granted()).isTrue();
    limiter.finished(key, permit);
    clock.advance(after);
  }

  @Test
  void aRequestStillUnderWayHoldsItsPlaceUntilAWindowAfterItEnds() throws Exception {
    List<IntegrationRateLimits.Permit> underWay = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      underWay.add(limiter.acquire(key, THREE_PER_WINDOW, clock.instant()));
    }
    clock.advance(Duration.ofMinutes(1));

    assertThat(limiter.waitFor(key)).as("however slow, the vendor may not have counted them yet")
        .isEqualTo(WINDOW.plus(GUARD));
    limiter.finished(key, underWay.get(0));
    clock.advance(WINDOW.plus(GUARD).minusMillis(1));
    assertThat(limiter.waitFor(key)).isEqualTo(Duration.ofMillis(1));
    clock.advance(Duration.ofMillis(1));
    assertThat(limiter.waitFor(key)).isZero();
  }

  private static RateLimitReport windowReport(long remaining) {
    return RateLimitReport.remaining(RateLimitScope.WINDOW, remaining).withLimit(3).withWindow(WINDOW);
  }
}
