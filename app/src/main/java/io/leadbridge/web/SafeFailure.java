package io.leadbridge.web;

import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementException;

/**
 * A copy of a failure chain that is safe to log, for every place the hub logs an exception it did
 * not make itself (the 5xx path, the delivery engine): types and stack traces are kept, they name
 * code; messages are not trusted. Database messages, which can quote the values a statement bound
 * (PostgreSQL's "Key (slug)=(...)" detail, H2's "VALUES (...)"), are replaced by their SQLSTATE.
 * Every other message is cut at its first quote mark, because libraries quote the value they
 * refused there (the JDK HTTP client's {@code invalid header value: "..."} carries the header,
 * which may be an api key), loses its control characters and is bounded. Unquoted values are not
 * recognised: code that handles a secret must not let a library exception carry it (validate
 * first). Immutable.
 */
public final class SafeFailure extends RuntimeException {

  /** Longest message kept of one exception. */
  static final int MAX_MESSAGE_LENGTH = 300;

  private static final long serialVersionUID = 1L;
  private static final int MAX_DEPTH = 16;
  private static final String WITHHELD = "<rest withheld: may quote a value>";

  private SafeFailure(String message, SafeFailure cause, StackTraceElement[] trace) {
    super(message, cause, false, true);
    setStackTrace(trace);
  }

  /** The sanitised copy of {@code failure} and its causes. */
  public static SafeFailure of(Throwable failure) {
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
    if (t instanceof SafeFailure) {
      return t.getMessage();
    }
    return t.getMessage() == null ? type : type + ": " + redacted(t.getMessage());
  }

  /** The message up to its first quote mark, on one line, at most {@link #MAX_MESSAGE_LENGTH} characters. */
  static String redacted(String message) {
    StringBuilder kept = new StringBuilder(Math.min(message.length(), MAX_MESSAGE_LENGTH));
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c == '"' || c == '\'' || c == '`' || c == '\u201c' || c == '\u2018' || c == '\u00ab') {
        return kept.append(WITHHELD).toString();
      }
      if (kept.length() == MAX_MESSAGE_LENGTH) {
        return kept.append("...").toString();
      }
      kept.append(Character.isISOControl(c) ? ' ' : c);
    }
    return kept.toString();
  }
}
