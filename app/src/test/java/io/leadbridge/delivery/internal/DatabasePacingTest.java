package io.leadbridge.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.http.RateLimitReport;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connectors.IntegrationKey;
import io.leadbridge.storage.DatabaseVendor;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.Poll;
import io.leadbridge.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shared vendor budgets and breakers on each database: two pacing instances on one database
 * act as two nodes; they spend one account's budget together, exactly, also when threads of both
 * race for its last permits, and see each other's pauses and open breakers. Each test owns its
 * database.
 */
@ParameterizedClass
@EnumSource(Db.class)
class DatabasePacingTest {

  private static final Duration GUARD = Duration.ofMillis(200);
  private static final RateLimitProfile FIVE_PER_MINUTE = RateLimitProfile.of(5, Duration.ofMinutes(1));

  @Parameter
  Db db;

  private DatabasePacing nodeA;
  private DatabasePacing nodeB;

  @BeforeEach
  void twoNodes() {
    Jdbi jdbi = TestDatabases.migrated(db);
    DatabaseVendor vendor = db == Db.H2 ? DatabaseVendor.H2 : DatabaseVendor.POSTGRESQL;
    nodeA = new DatabasePacing(jdbi, vendor, GUARD, Clock.systemUTC());
    nodeB = new DatabasePacing(jdbi, vendor, GUARD, Clock.systemUTC());
  }

  private static IntegrationKey onAccount(String account) {
    return new IntegrationKey("hubspot", UUID.randomUUID(), UUID.randomUUID(), account);
  }

  @Test
  void integrationsOnOneAccountSpendOneBudgetFromEveryNode() {
    IntegrationKey rooftopOne = onAccount("portal:4412");
    IntegrationKey rooftopTwo = onAccount("portal:4412");
    IntegrationKey elsewhere = onAccount("portal:9001");

    for (int i = 0; i < 3; i++) {
      assertThat(nodeA.take(rooftopOne, FIVE_PER_MINUTE).none()).isTrue();
    }
    assertThat(nodeB.take(rooftopTwo, FIVE_PER_MINUTE).none()).isTrue();
    assertThat(nodeB.take(rooftopOne, FIVE_PER_MINUTE).none()).isTrue();
    Wait spent = nodeA.take(rooftopTwo, FIVE_PER_MINUTE);

    assertThat(spent.none()).isFalse();
    assertThat(spent.scope()).isEqualTo(RateLimitScope.WINDOW);
    assertThat(spent.duration()).isBetween(Duration.ofSeconds(55), Duration.ofMinutes(1).plus(GUARD));
    assertThat(nodeB.peek(rooftopOne).duration()).isPositive();
    assertThat(nodeB.take(elsewhere, FIVE_PER_MINUTE).none()).as("another account has its own budget").isTrue();
  }

  @Test
  void threadsOfTwoNodesRacingForOneWindowGetExactlyItsPermits() throws Exception {
    IntegrationKey account = onAccount("portal:race");
    RateLimitProfile tenPerWindow = RateLimitProfile.of(10, Duration.ofSeconds(30));
    List<Long> granted = Collections.synchronizedList(new ArrayList<>());
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> racers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        DatabasePacing node = t % 2 == 0 ? nodeA : nodeB;
        racers.add(threads.submit(() -> {
          for (int i = 0; i < 25; i++) {
            if (node.take(account, tenPerWindow).none()) {
              granted.add(System.nanoTime());
            }
          }
        }));
      }
      for (Future<?> racer : racers) {
        racer.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(granted).as("200 attempts within one window, 10 permits").hasSize(10);
  }

  @Test
  void aRequestUnderWayOnOneNodeCountsOnEveryNodeUntilAWindowAfterItEnded() {
    IntegrationKey account = onAccount("portal:slow");
    RateLimitProfile onePerSecond = RateLimitProfile.of(1, Duration.ofSeconds(1));
    Wait granted = nodeA.take(account, onePerSecond);
    Poll.sleep(1_500);

    Wait underWay = nodeB.take(account, onePerSecond);
    nodeA.finished(account, granted.send().orElseThrow());
    Wait justEnded = nodeB.take(account, onePerSecond);

    assertThat(granted.none()).isTrue();
    assertThat(underWay.none()).as("granted 1.5 s ago, not answered yet").isFalse();
    assertThat(justEnded.none()).isFalse();
    assertThat(justEnded.duration()).isBetween(Duration.ofMillis(900), Duration.ofSeconds(1).plus(GUARD));
  }

  @Test
  void aPauseOrAnEmptyWindowReportedThroughOneNodeHoldsEveryNode() {
    IntegrationKey paused = onAccount("origin:https://dealer.example:443");
    IntegrationKey reported = onAccount("portal:7");
    nodeA.take(reported, FIVE_PER_MINUTE);

    nodeA.pause(paused, Duration.ofSeconds(30), RateLimitScope.WINDOW);
    nodeA.report(reported, RateLimitReport.remaining(RateLimitScope.DAILY, 0)
        .withResetAt(Instant.now().plus(Duration.ofHours(3))));

    Wait pause = nodeB.peek(paused);
    Wait daily = nodeB.take(reported, FIVE_PER_MINUTE);
    assertThat(pause.duration()).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
    assertThat(daily.scope()).isEqualTo(RateLimitScope.DAILY);
    assertThat(daily.duration()).isBetween(Duration.ofHours(3).minusMinutes(1), Duration.ofHours(3));
  }

  @Test
  void theVendorsOwnLimitReplacesTheConnectorsOnceItsHeadersSayIt() {
    IntegrationKey account = onAccount("portal:190");
    nodeA.take(account, FIVE_PER_MINUTE);
    nodeA.report(account, RateLimitReport.remaining(RateLimitScope.WINDOW, 150).withLimit(8));

    for (int i = 1; i < 8; i++) {
      assertThat(nodeB.take(account, FIVE_PER_MINUTE).none()).as("call " + (i + 1)).isTrue();
    }
    assertThat(nodeB.take(account, FIVE_PER_MINUTE).none()).isFalse();
  }

  @Test
  void aDailyCapCountsEveryNodesCalls() {
    IntegrationKey account = onAccount("company:12");
    RateLimitProfile threeADay = RateLimitProfile.of(100, Duration.ofSeconds(2)).withDailyCap(3, ZoneOffset.UTC);

    assertThat(nodeA.take(account, threeADay).none()).isTrue();
    assertThat(nodeB.take(account, threeADay).none()).isTrue();
    assertThat(nodeA.take(account, threeADay).none()).isTrue();
    Wait spent = nodeB.take(account, threeADay);

    assertThat(spent.scope()).isEqualTo(RateLimitScope.DAILY);
    assertThat(spent.duration()).isPositive().isLessThanOrEqualTo(Duration.ofDays(1));
  }

  @Test
  void aBreakerOpenedOnOneNodeIsOpenOnEveryNodeUntilItCloses() {
    UUID integration = UUID.randomUUID();

    nodeA.openBreaker("hubspot", integration, Duration.ofSeconds(30));
    nodeA.openBreaker("hubspot", integration, Duration.ofSeconds(30));

    assertThat(nodeB.openBreakers()).containsOnlyKeys(integration);
    assertThat(nodeB.openBreakers().get(integration)).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
    nodeB.closeBreaker(integration);
    assertThat(nodeA.openBreakers()).isEmpty();
  }
}
