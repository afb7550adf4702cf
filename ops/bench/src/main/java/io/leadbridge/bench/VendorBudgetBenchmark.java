package io.leadbridge.bench;

import io.leadbridge.bench.internal.BenchDatabase;
import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connectors.IntegrationKey;
import io.leadbridge.delivery.internal.DatabasePacing;
import io.leadbridge.delivery.internal.Wait;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the shared vendor budget costs per vendor call: spending one call of an account's budget
 * (its row locked, the window's requests counted, the grant logged) and telling it the call ended,
 * on H2 and on PostgreSQL; exists so the price of exact, cluster-wide pacing is measured, not
 * guessed. The window is kept as full as HubSpot's (a hundred or so requests in it) and never
 * refuses. Runs only from {@code ops/bench/run-budgets}. The state is thread-safe.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class VendorBudgetBenchmark {

  /** Calls per window that are never reached, over a window that holds about as many requests as HubSpot's. */
  private static final RateLimitProfile NEVER_FULL = RateLimitProfile.of(1_000_000, Duration.ofMillis(100));

  /** One database and one vendor account, shared by every benchmark thread. */
  @State(Scope.Benchmark)
  public static class Budget {
    @Param({"h2", "postgresql"})
    public String database;

    BenchDatabase db;
    DatabasePacing pacing;
    final IntegrationKey key = new IntegrationKey("hubspot", UUID.randomUUID(), UUID.randomUUID(), "portal:bench");

    @Setup(Level.Trial)
    public void open() {
      db = database.equals("h2") ? BenchDatabase.freshH2()
          : BenchDatabase.postgres(System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/leadbridge_bench_budget"));
      pacing = new DatabasePacing(db.jdbi(), db.vendor(), Duration.ZERO, Clock.systemUTC());
    }

    @TearDown(Level.Trial)
    public void close() {
      db.close();
    }
  }

  /** One vendor call's pacing from one thread: spend, then end. */
  @Benchmark
  @Threads(1)
  public Wait spendAndEndOneThread(Budget budget) {
    return spendAndEnd(budget);
  }

  /** The same from 4 threads on one account (a busy account's calls queue for its row). */
  @Benchmark
  @Threads(4)
  public Wait spendAndEndFourThreads(Budget budget) {
    return spendAndEnd(budget);
  }

  private static Wait spendAndEnd(Budget budget) {
    Wait granted = budget.pacing.take(budget.key, NEVER_FULL);
    granted.send().ifPresent(send -> budget.pacing.finished(budget.key, send));
    return granted;
  }
}
