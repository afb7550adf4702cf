package io.leadbridge.apilimits.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.storage.DatabaseVendor;
import io.leadbridge.testing.Db;
import io.leadbridge.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The counting statement on each database: a budget grants exactly its limit per window (also to
 * concurrent first requests), refuses the rest with the time left, keeps callers, kinds and classes
 * apart, and starts a new window in the same row once the old one has ended. Windows are ended by
 * moving a row's start back, not by waiting.
 */
class RequestCountsTest {

  private static final Duration WINDOW = Duration.ofMinutes(1);

  @ParameterizedTest
  @EnumSource(Db.class)
  void aBudgetGrantsItsLimitThenRefusesWithTheTimeLeftInTheWindow(Db db) {
    Jdbi jdbi = TestDatabases.migrated(db);
    RequestCounts counts = counts(jdbi, db);
    UUID tenant = UUID.randomUUID();

    for (int i = 0; i < 3; i++) {
      assertThat(counts.spend(CallerKind.TENANT, tenant, RequestClass.WRITE, 3, WINDOW).granted()).as("write " + i).isTrue();
    }
    RequestCounts.Spent refused = counts.spend(CallerKind.TENANT, tenant, RequestClass.WRITE, 3, WINDOW);

    assertThat(refused.granted()).isFalse();
    assertThat(refused.untilWindowEnds()).isPositive().isLessThanOrEqualTo(WINDOW);
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void classesKindsAndCallersHaveBudgetsOfTheirOwn(Db db) {
    Jdbi jdbi = TestDatabases.migrated(db);
    RequestCounts counts = counts(jdbi, db);
    UUID tenant = UUID.randomUUID();
    counts.spend(CallerKind.TENANT, tenant, RequestClass.WRITE, 1, WINDOW);
    assertThat(counts.spend(CallerKind.TENANT, tenant, RequestClass.WRITE, 1, WINDOW).granted()).isFalse();

    assertThat(counts.spend(CallerKind.TENANT, tenant, RequestClass.READ, 1, WINDOW).granted()).as("reads").isTrue();
    assertThat(counts.spend(CallerKind.TENANT, tenant, RequestClass.CHECK, 1, WINDOW).granted()).as("checks").isTrue();
    assertThat(counts.spend(CallerKind.TENANT, UUID.randomUUID(), RequestClass.WRITE, 1, WINDOW).granted())
        .as("another tenant").isTrue();
    assertThat(counts.spend(CallerKind.OPERATOR_KEY, tenant, RequestClass.WRITE, 1, WINDOW).granted())
        .as("an operator key with the same id").isTrue();
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void aCallerThatKeepsKnockingStaysRefusedWithoutCountingPastItsLimit(Db db) {
    Jdbi jdbi = TestDatabases.migrated(db);
    RequestCounts counts = counts(jdbi, db);
    UUID key = UUID.randomUUID();
    for (int i = 0; i < 20; i++) {
      counts.spend(CallerKind.OPERATOR_KEY, key, RequestClass.READ, 2, WINDOW);
    }

    assertThat(counts.spend(CallerKind.OPERATOR_KEY, key, RequestClass.READ, 2, WINDOW).granted()).isFalse();
    assertThat(used(jdbi, key)).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void anEndedWindowStartsAgainInTheSameRow(Db db) {
    Jdbi jdbi = TestDatabases.migrated(db);
    RequestCounts counts = counts(jdbi, db);
    UUID tenant = UUID.randomUUID();
    counts.spend(CallerKind.TENANT, tenant, RequestClass.WRITE, 1, WINDOW);
    assertThat(counts.spend(CallerKind.TENANT, tenant, RequestClass.WRITE, 1, WINDOW).granted()).isFalse();

    endWindow(jdbi, tenant);

    assertThat(counts.spend(CallerKind.TENANT, tenant, RequestClass.WRITE, 1, WINDOW).granted()).isTrue();
    assertThat(counts.spend(CallerKind.TENANT, tenant, RequestClass.WRITE, 1, WINDOW).granted()).isFalse();
    int rows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM api_request_counts").mapTo(Integer.class).one());
    assertThat(rows).as("one row per caller and class").isOne();
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void concurrentRequestsOfANewCallerAreGrantedExactlyTheLimit(Db db) throws Exception {
    Jdbi jdbi = TestDatabases.migrated(db);
    RequestCounts counts = counts(jdbi, db);
    UUID tenant = UUID.randomUUID();
    int threads = 8;
    int attemptsEach = 40;
    int limit = 100;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> granted = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Callable<Integer> attempts = () -> {
          start.await();
          int mine = 0;
          for (int i = 0; i < attemptsEach; i++) {
            mine += counts.spend(CallerKind.TENANT, tenant, RequestClass.WRITE, limit, WINDOW).granted() ? 1 : 0;
          }
          return mine;
        };
        granted.add(pool.submit(attempts));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> each : granted) {
        total += each.get();
      }
      assertThat(total).isEqualTo(limit);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void onPostgresqlTheCountsAreUnloggedSoACountWaitsForNoDisk() {
    Jdbi jdbi = TestDatabases.migrated(Db.POSTGRES);
    String persistence = jdbi.withHandle(h -> h.createQuery(
        "SELECT relpersistence FROM pg_class WHERE relname = 'api_request_counts'").mapTo(String.class).one());
    assertThat(persistence).isEqualTo("u");
  }

  private static RequestCounts counts(Jdbi jdbi, Db db) {
    return new RequestCounts(jdbi, db == Db.H2 ? DatabaseVendor.H2 : DatabaseVendor.POSTGRESQL);
  }

  private static int used(Jdbi jdbi, UUID callerId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT used FROM api_request_counts WHERE caller_id = :id")
        .bind("id", callerId).mapTo(Integer.class).one());
  }

  /** What a minute passing does to the row, without the minute. */
  private static void endWindow(Jdbi jdbi, UUID callerId) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE api_request_counts SET window_start = :past WHERE caller_id = :id")
        .bind("past", Instant.now().minus(WINDOW).minusSeconds(5)).bind("id", callerId).execute());
  }
}
