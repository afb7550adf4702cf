package io.leadbridge.apilimits.internal;

import io.leadbridge.storage.DatabaseVendor;

/**
 * The one statement that spends a request, in the form each database needs; immutable.
 *
 * <p>It counts the request in the caller's row and answers the row as it is afterwards, on the
 * database's clock (so nodes with skewed clocks agree): a row whose window has ended starts a new
 * window at 1; otherwise {@code used} goes up by one but stops at {@code limit + 1}, so a refused
 * request is recognised by {@code used > limit}, costs the same one statement, and a caller that
 * keeps knocking cannot overflow the counter. PostgreSQL does it with {@code INSERT … ON CONFLICT
 * DO UPDATE … RETURNING}, atomic under concurrent first requests; H2 has no {@code DO UPDATE} and
 * no {@code RETURNING}, so it reads the {@code FINAL TABLE} of a {@code MERGE}, whose concurrent
 * first inserts can collide on the key (the caller retries those).
 */
enum RequestCountStatement {
  POSTGRESQL(
      "INSERT INTO api_request_counts AS c (caller_kind, caller_id, request_class, window_start, used)"
          + " VALUES (:kind, :id, :class, now(), 1)"
          + " ON CONFLICT (caller_id, caller_kind, request_class) DO UPDATE SET"
          + " used = CASE WHEN c.window_start + :windowMillis * INTERVAL '1 millisecond' <= now() THEN 1"
          + " ELSE LEAST(c.used + 1, :limit + 1) END,"
          + " window_start = CASE WHEN c.window_start + :windowMillis * INTERVAL '1 millisecond' <= now() THEN now()"
          + " ELSE c.window_start END"
          + " RETURNING used, window_start, now() AS db_now"),
  H2(
      "SELECT used, window_start, CURRENT_TIMESTAMP AS db_now FROM FINAL TABLE ("
          + " MERGE INTO api_request_counts c"
          + " USING (VALUES (CAST(:kind AS VARCHAR(16)), CAST(:id AS UUID), CAST(:class AS VARCHAR(8))))"
          + " AS s (caller_kind, caller_id, request_class)"
          + " ON c.caller_id = s.caller_id AND c.caller_kind = s.caller_kind AND c.request_class = s.request_class"
          + " WHEN MATCHED AND DATEADD(MILLISECOND, :windowMillis, c.window_start) <= CURRENT_TIMESTAMP"
          + " THEN UPDATE SET window_start = CURRENT_TIMESTAMP, used = 1"
          + " WHEN MATCHED THEN UPDATE SET used = LEAST(c.used + 1, :limit + 1)"
          + " WHEN NOT MATCHED THEN INSERT (caller_kind, caller_id, request_class, window_start, used)"
          + " VALUES (s.caller_kind, s.caller_id, s.request_class, CURRENT_TIMESTAMP, 1))");

  private final String sql;

  RequestCountStatement(String sql) {
    this.sql = sql;
  }

  static RequestCountStatement of(DatabaseVendor vendor) {
    return switch (vendor) {
      case POSTGRESQL -> POSTGRESQL;
      case H2 -> H2;
    };
  }

  String sql() {
    return sql;
  }
}
