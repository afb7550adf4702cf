package io.leadbridge.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads {@code TIMESTAMP WITH TIME ZONE} columns the same way on H2 and PostgreSQL. */
public final class SqlTimes {

  private SqlTimes() {}

  /** The column as an instant, or null when the column is null. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
