package io.leadbridge.storage;

import java.sql.SQLException;

/** Recognises database errors by SQLSTATE, the same way on H2 and PostgreSQL; stateless. */
public final class SqlErrors {

  private static final String UNIQUE_VIOLATION = "23505";

  private SqlErrors() {}

  /** Whether the failure, or any cause of it, is a unique-constraint violation. */
  public static boolean isUniqueViolation(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
