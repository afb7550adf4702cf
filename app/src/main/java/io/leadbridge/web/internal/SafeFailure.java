package io.leadbridge.web.internal;

import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementException;

/**
 * A copy of a failure chain that is safe to log: database messages, which can quote the values a
 * statement bound (PostgreSQL's "Key (slug)=(...)" detail, H2's "VALUES (...)"), are replaced by
 * their SQLSTATE; stack traces are kept. Immutable.
 */
final class SafeFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private static final int MAX_DEPTH = 16;

  private SafeFailure(String message, SafeFailure cause, StackTraceElement[] trace) {
    super(message, cause, false, true);
    setStackTrace(trace);
  }

  /** The sanitised copy of {@code failure} and its causes. */
  static SafeFailure of(Throwable failure) {
    return copy(failure, 0);
  }

  private static SafeFailure copy(Throwable t, int depth) {
    SafeFailure cause =
        t.getCause() == null || t.getCause() == t || depth >= MAX_DEPTH
            ? null
            : copy(t.getCause(), depth + 1);
    return new SafeFailure(describe(t), cause, t.getStackTrace());
  }

  private static String describe(Throwable t) {
    String type = t.getClass().getName();
    if (t instanceof SQLException sql) {
      return type + " (SQLSTATE " + sql.getSQLState() + ", message withheld: may quote bound values)";
    }
    if (t instanceof StatementException) {
      return type + " (message withheld: may quote bound values)";
    }
    return t.getMessage() == null ? type : type + ": " + t.getMessage();
  }
}
