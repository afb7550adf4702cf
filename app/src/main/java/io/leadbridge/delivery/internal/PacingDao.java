package io.leadbridge.delivery.internal;

import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.storage.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The SQL of the shared vendor budgets ({@code vendor_budgets}, {@code vendor_budget_sends}) and
 * breakers ({@code delivery_breakers}). Jdbi makes on-demand instances thread-safe; attached ones
 * belong to their transaction.
 */
interface PacingDao {

  String COLUMNS = "window_ms, profile_limit, reported_limit, day_limit, day_zone, day_used, day_resets_at,"
      + " paused_until, pause_scope";

  /** The account's row, locked until the transaction ends, so nodes spend its budget one at a time. */
  @SqlQuery("SELECT " + COLUMNS + " FROM vendor_budgets WHERE connector_id = :connector AND account = :account"
      + " FOR UPDATE")
  @RegisterRowMapper(Rows.class)
  Optional<BudgetRow> lock(@Bind("connector") String connectorId, @Bind("account") String account);

  @SqlQuery("SELECT " + COLUMNS + " FROM vendor_budgets WHERE connector_id = :connector AND account = :account")
  @RegisterRowMapper(Rows.class)
  Optional<BudgetRow> find(@Bind("connector") String connectorId, @Bind("account") String account);

  @SqlUpdate("INSERT INTO vendor_budgets (connector_id, account, " + COLUMNS + ", updated_at) VALUES (:connector,"
      + " :account, :windowMs, :profileLimit, :reportedLimit, :dayLimit, :dayZone, :dayUsed, :dayResetsAt,"
      + " :pausedUntil, :pauseScope, :now)")
  void insert(@Bind("connector") String connectorId, @Bind("account") String account, @BindMethods Columns row,
      @Bind("now") Instant now);

  @SqlUpdate("UPDATE vendor_budgets SET window_ms = :windowMs, profile_limit = :profileLimit,"
      + " reported_limit = :reportedLimit, day_limit = :dayLimit, day_zone = :dayZone, day_used = :dayUsed,"
      + " day_resets_at = :dayResetsAt, paused_until = :pausedUntil, pause_scope = :pauseScope, updated_at = :now"
      + " WHERE connector_id = :connector AND account = :account")
  int update(@Bind("connector") String connectorId, @Bind("account") String account, @BindMethods Columns row,
      @Bind("now") Instant now);

  /** Writes a row back, creating it if it is new. */
  default void save(String connectorId, String account, BudgetRow row, boolean exists, Instant now) {
    if (exists) {
      update(connectorId, account, Columns.of(row), now);
    } else {
      insert(connectorId, account, Columns.of(row), now);
    }
  }

  /** A budget row as its columns hold it (no limit, zone or scope is NULL); immutable. */
  record Columns(long windowMs, int profileLimit, Integer reportedLimit, Long dayLimit, String dayZone, long dayUsed,
      Instant dayResetsAt, Instant pausedUntil, String pauseScope) {

    static Columns of(BudgetRow row) {
      return new Columns(row.window.toMillis(), row.profileLimit, row.reportedLimit > 0 ? row.reportedLimit : null,
          row.dayLimit > 0 ? row.dayLimit : null, row.dayZone == null ? null : row.dayZone.getId(), row.dayUsed,
          row.dayResetsAt, row.pausedUntil,
          row.pauseScope == null ? null : row.pauseScope.name().toLowerCase(Locale.ROOT));
    }
  }

  @SqlQuery("SELECT connector_id, account FROM vendor_budgets WHERE updated_at > :since OR paused_until > :now")
  @RegisterConstructorMapper(DeliveryPacing.Account.class)
  List<DeliveryPacing.Account> accountsInUse(@Bind("since") Instant since, @Bind("now") Instant now);

  /** Requests that may be in the window: ended after {@code since}, or under way and not stale. */
  String IN_WINDOW = " FROM vendor_budget_sends WHERE connector_id = :connector AND account = :account"
      + " AND (finished_at > :since OR (finished_at IS NULL AND sent_at > :stale))";

  @SqlQuery("SELECT COUNT(*)" + IN_WINDOW)
  int inWindow(@Bind("connector") String connectorId, @Bind("account") String account,
      @Bind("since") Instant since, @Bind("stale") Instant staleBefore);

  @SqlQuery("SELECT COALESCE(finished_at, :now) AS ends" + IN_WINDOW + " ORDER BY ends LIMIT 1 OFFSET :skip")
  Optional<OffsetDateTime> nthEnd(@Bind("connector") String connectorId, @Bind("account") String account,
      @Bind("since") Instant since, @Bind("stale") Instant staleBefore, @Bind("now") Instant now,
      @Bind("skip") int skip);

  @SqlUpdate("INSERT INTO vendor_budget_sends (id, connector_id, account, sent_at) VALUES (:id, :connector,"
      + " :account, :at)")
  void addSend(@Bind("id") UUID send, @Bind("connector") String connectorId, @Bind("account") String account,
      @Bind("at") Instant at);

  @SqlUpdate("UPDATE vendor_budget_sends SET finished_at = :at WHERE id = :id AND finished_at IS NULL")
  int finish(@Bind("id") UUID send, @Bind("at") Instant at);

  @SqlUpdate("DELETE FROM vendor_budget_sends WHERE connector_id = :connector AND account = :account"
      + " AND (finished_at <= :upTo OR (finished_at IS NULL AND sent_at <= :stale))")
  int forgetSends(@Bind("connector") String connectorId, @Bind("account") String account,
      @Bind("upTo") Instant endedUpTo, @Bind("stale") Instant staleBefore);

  /** The database's own clock, read when called (not the transaction's start): the one clock every node shares. */
  @SqlQuery("SELECT clock_timestamp()")
  OffsetDateTime postgresNow();

  @SqlUpdate("UPDATE delivery_breakers SET connector_id = :connector, opened_at = :now, open_until = :until"
      + " WHERE integration_id = :id")
  int reopenBreaker(@Bind("id") UUID integrationId, @Bind("connector") String connectorId, @Bind("now") Instant now,
      @Bind("until") Instant until);

  @SqlUpdate("INSERT INTO delivery_breakers (integration_id, connector_id, opened_at, open_until)"
      + " VALUES (:id, :connector, :now, :until)")
  void openBreaker(@Bind("id") UUID integrationId, @Bind("connector") String connectorId, @Bind("now") Instant now,
      @Bind("until") Instant until);

  @SqlUpdate("DELETE FROM delivery_breakers WHERE integration_id = :id")
  int closeBreaker(@Bind("id") UUID integrationId);

  @SqlQuery("SELECT integration_id, open_until FROM delivery_breakers WHERE open_until > :now")
  @KeyColumn("integration_id")
  @ValueColumn("open_until")
  Map<UUID, OffsetDateTime> openBreakers(@Bind("now") Instant now);

  /** Breakers long closed by time alone (their probe was never answered here) are forgotten. */
  @SqlUpdate("DELETE FROM delivery_breakers WHERE open_until < :before")
  int forgetBreakersBefore(@Bind("before") Instant before);

  /** Maps a {@code vendor_budgets} row; stateless. */
  final class Rows implements RowMapper<BudgetRow> {
    @Override
    public BudgetRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      BudgetRow row = new BudgetRow();
      row.window = Duration.ofMillis(rs.getLong("window_ms"));
      row.profileLimit = rs.getInt("profile_limit");
      row.reportedLimit = rs.getInt("reported_limit");
      row.dayLimit = rs.getLong("day_limit");
      String zone = rs.getString("day_zone");
      row.dayZone = zone == null ? null : ZoneId.of(zone);
      row.dayUsed = rs.getLong("day_used");
      row.dayResetsAt = SqlTimes.instant(rs, "day_resets_at");
      row.pausedUntil = SqlTimes.instant(rs, "paused_until");
      String scope = rs.getString("pause_scope");
      row.pauseScope = scope == null ? null : RateLimitScope.valueOf(scope.toUpperCase(Locale.ROOT));
      return row;
    }
  }
}
