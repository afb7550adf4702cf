package io.leadbridge.apilimits.internal;

import io.leadbridge.storage.DatabaseVendor;
import io.leadbridge.storage.SqlErrors;
import io.leadbridge.storage.SqlTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

/**
 * Spends one request of a caller's budget in {@code api_request_counts}, where every node counts,
 * with one statement per request; thread-safe (Jdbi is, and the row is the only state).
 */
public final class RequestCounts {

  /**
   * What one request found.
   *
   * @param granted whether the request was within its budget
   * @param untilWindowEnds how long the current window still runs, by the database's clock
   */
  record Spent(boolean granted, Duration untilWindowEnds) {}

  private final Jdbi jdbi;
  private final String sql;

  public RequestCounts(Jdbi jdbi, DatabaseVendor vendor) {
    this.jdbi = jdbi;
    this.sql = RequestCountStatement.of(vendor).sql();
  }

  /** Counts one request of the caller's class against {@code limit} per {@code window}. */
  Spent spend(CallerKind kind, UUID callerId, RequestClass requestClass, int limit, Duration window) {
    try {
      return once(kind, callerId, requestClass, limit, window);
    } catch (StatementException e) {
      if (!SqlErrors.isUniqueViolation(e)) {
        throw e;
      }
      // H2 only: two first requests of one caller both inserted; the row exists now.
      return once(kind, callerId, requestClass, limit, window);
    }
  }

  private Spent once(CallerKind kind, UUID callerId, RequestClass requestClass, int limit, Duration window) {
    return jdbi.withHandle(handle -> handle.createQuery(sql)
        .bind("kind", kind.label())
        .bind("id", callerId)
        .bind("class", requestClass.label())
        .bind("windowMillis", window.toMillis())
        .bind("limit", limit)
        .map((rs, ctx) -> {
          Instant windowEnds = SqlTimes.instant(rs, "window_start").plus(window);
          Duration left = Duration.between(SqlTimes.instant(rs, "db_now"), windowEnds);
          return new Spent(rs.getInt("used") <= limit, left.isNegative() ? Duration.ZERO : left);
        })
        .one());
  }
}
