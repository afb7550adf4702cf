package io.leadbridge.delivery.internal;

import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.http.RateLimitReport;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connectors.IntegrationKey;
import io.leadbridge.storage.DatabaseVendor;
import io.leadbridge.storage.SqlErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link DeliveryPacing} in the database, shared by every node: each vendor account's budget is one
 * {@code vendor_budgets} row, spent under its row lock together with its send log, so N nodes and
 * every integration on one account never send more than the vendor's limit in any window between
 * them; breakers one node opened are read by all. Times are the database's clock on PostgreSQL (so
 * nodes' clocks may disagree) and this node's on H2 (one embedded node). Thread-safe.
 */
public final class DatabasePacing implements DeliveryPacing {

  /** An open breaker's row outlives its opening by this long, then it is swept. */
  private static final Duration BREAKER_ROWS_KEPT = Duration.ofHours(1);
  private static final RateLimitProfile PAUSE_ONLY = RateLimitProfile.of(1, Duration.ofSeconds(1));

  private final Jdbi jdbi;
  private final BudgetRules rules;
  private final Duration guard;
  private final Function<PacingDao, Instant> clock;
  private final boolean postgres;

  public DatabasePacing(Jdbi jdbi, DatabaseVendor vendor, Duration guard, Clock nodeClock) {
    this.jdbi = jdbi;
    this.rules = new BudgetRules(guard);
    this.guard = guard;
    this.postgres = vendor == DatabaseVendor.POSTGRESQL;
    this.clock = postgres ? dao -> dao.postgresNow().toInstant() : dao -> nodeClock.instant();
  }

  @Override
  public Wait take(IntegrationKey key, RateLimitProfile profile) {
    return locked(key, profile, (dao, row, now) -> {
      if (!row.follows(profile)) {
        row.follow(profile);
      }
      SendLog log = new DatabaseSendLog(dao, key);
      Wait wait = rules.waitAt(row, log, now);
      return wait.none() ? rules.spend(row, log, now) : wait;
    });
  }

  @Override
  public void finished(IntegrationKey key, UUID send) {
    jdbi.useTransaction(handle -> {
      PacingDao dao = relaxed(handle);
      dao.finish(send, clock.apply(dao));
    });
  }

  @Override
  public Wait peek(IntegrationKey key) {
    return jdbi.withExtension(PacingDao.class, dao -> dao.find(key.connectorId(), key.account())
        .map(row -> rules.waitAt(row, new DatabaseSendLog(dao, key), clock.apply(dao)))
        .orElse(Wait.NONE));
  }

  @Override
  public Set<Account> accountsInUse() {
    return jdbi.withExtension(PacingDao.class, dao -> {
      Instant now = clock.apply(dao);
      // No window is longer than a day, nor is a day's count: an account untouched for longer holds nothing back.
      return Set.copyOf(dao.accountsInUse(now.minus(Duration.ofDays(1)).minus(guard), now));
    });
  }

  @Override
  public void report(IntegrationKey key, RateLimitReport report) {
    jdbi.useTransaction(handle -> {
      PacingDao dao = relaxed(handle);
      Optional<BudgetRow> row = dao.lock(key.connectorId(), key.account());
      if (row.isPresent()) {
        Instant now = clock.apply(dao);
        rules.report(row.get(), new DatabaseSendLog(dao, key), report, now);
        dao.save(key.connectorId(), key.account(), row.get(), true, now);
      }
    });
  }

  @Override
  public void pause(IntegrationKey key, Duration delay, RateLimitScope scope) {
    locked(key, PAUSE_ONLY, (dao, row, now) -> {
      rules.pause(row, now.plus(delay), scope, now);
      return Wait.NONE;
    });
  }

  @Override
  public void openBreaker(String connectorId, UUID integrationId, Duration openFor) {
    boolean reopened = jdbi.inTransaction(handle -> {
      PacingDao dao = handle.attach(PacingDao.class);
      Instant now = clock.apply(dao);
      dao.forgetBreakersBefore(now.minus(BREAKER_ROWS_KEPT));
      return dao.reopenBreaker(integrationId, connectorId, now, now.plus(openFor)) > 0;
    });
    if (!reopened) {
      ignoringDuplicate(() -> jdbi.useTransaction(handle -> {
        PacingDao dao = handle.attach(PacingDao.class);
        Instant now = clock.apply(dao);
        dao.openBreaker(integrationId, connectorId, now, now.plus(openFor));
      }));
    }
  }

  @Override
  public void closeBreaker(UUID integrationId) {
    jdbi.useExtension(PacingDao.class, dao -> dao.closeBreaker(integrationId));
  }

  @Override
  public Map<UUID, Duration> openBreakers() {
    return jdbi.withExtension(PacingDao.class, dao -> {
      Instant now = clock.apply(dao);
      Map<UUID, Duration> open = new HashMap<>();
      dao.openBreakers(now).forEach((id, until) -> open.put(id, Duration.between(now, until.toInstant())));
      return open;
    });
  }

  @Override
  public void forget(UUID integrationId) {
    closeBreaker(integrationId);
  }

  /** Runs {@code change} on the account's locked row (created first if the account is new) and saves it. */
  private Wait locked(IntegrationKey key, RateLimitProfile profile, Change change) {
    Optional<Wait> done = jdbi.inTransaction(handle -> {
      PacingDao dao = relaxed(handle);
      Optional<BudgetRow> row = dao.lock(key.connectorId(), key.account());
      if (row.isEmpty()) {
        return Optional.empty();
      }
      Instant now = clock.apply(dao);
      Wait wait = change.apply(dao, row.get(), now);
      dao.save(key.connectorId(), key.account(), row.get(), true, now);
      return Optional.of(wait);
    });
    if (done.isPresent()) {
      return done.get();
    }
    // A new account: its row is created on its own (another node may create it at the same time;
    // on PostgreSQL a duplicate would end the transaction it happened in), then spent as usual.
    ignoringDuplicate(() -> jdbi.useTransaction(handle -> {
      PacingDao dao = handle.attach(PacingDao.class);
      dao.save(key.connectorId(), key.account(), BudgetRow.of(profile), false, clock.apply(dao));
    }));
    return locked(key, profile, change);
  }

  /**
   * The transaction's DAO, on PostgreSQL committing without waiting for the disk: a budget
   * transaction's synced commit cost about 2 ms here, most of a vendor call's pacing, and holds the
   * account's row lock as long. A database crash may then forget the last sends of a window, so
   * nodes could spend up to one window's budget again: at worst a 429 or two, which are paced too.
   */
  private PacingDao relaxed(Handle handle) {
    if (postgres) {
      handle.execute("SET LOCAL synchronous_commit TO OFF");
    }
    return handle.attach(PacingDao.class);
  }

  private static void ignoringDuplicate(Runnable insert) {
    try {
      insert.run();
    } catch (RuntimeException failure) {
      if (!SqlErrors.isUniqueViolation(failure)) {
        throw failure;
      }
    }
  }

  /** What to do with a locked budget row; the row is saved afterwards. */
  @FunctionalInterface
  private interface Change {
    Wait apply(PacingDao dao, BudgetRow row, Instant now);
  }

  /** The account's send log as rows, read and changed in the caller's transaction; not thread-safe. */
  private static final class DatabaseSendLog implements SendLog {
    private final PacingDao dao;
    private final IntegrationKey key;

    DatabaseSendLog(PacingDao dao, IntegrationKey key) {
      this.dao = dao;
      this.key = key;
    }

    @Override
    public int inWindow(Instant since, Instant staleBefore) {
      return dao.inWindow(key.connectorId(), key.account(), since, staleBefore);
    }

    @Override
    public Optional<Instant> nthEnd(Instant since, Instant staleBefore, Instant now, int skip) {
      return dao.nthEnd(key.connectorId(), key.account(), since, staleBefore, now, skip)
          .map(OffsetDateTime::toInstant);
    }

    @Override
    public void add(UUID send, Instant grantedAt) {
      dao.addSend(send, key.connectorId(), key.account(), grantedAt);
    }

    @Override
    public void finish(UUID send, Instant endedAt) {
      dao.finish(send, endedAt);
    }

    @Override
    public void forget(Instant endedUpTo, Instant staleBefore) {
      dao.forgetSends(key.connectorId(), key.account(), endedUpTo, staleBefore);
    }
  }
}
