package io.leadbridge.storage;

import java.sql.SQLException;

/** Recognises database errors by SQLSTATE, the same way on H2 and PostgreSQL; stateless. */
public final class SqlErrors {

  private static final String UNIQUE_VIOLATION = "23505";
  /** H2's "timeout trying to lock": a row another transaction holds stayed locked too long. */
  private static final String H2_LOCK_TIMEOUT = "HYT00";
  /** PostgreSQL's lock_not_available, what a lock_timeout raises. */
  private static final String LOCK_NOT_AVAILABLE = "55P03";

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

  /** Whether the failure, or any cause of it, is a lock wait that timed out. */
  public static boolean isLockTimeout(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && (H2_LOCK_TIMEOUT.equals(sql.getSQLState()) || LOCK_NOT_AVAILABLE.equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }
}
