package io.leadbridge.connectors.internal;

/**
 * A copy of a plugin's failure chain that is safe to log: each message redacted by the call's
 * {@link Redactor}, types and stack traces kept (they name code, never values). Immutable.
 */
final class RedactedFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private static final int MAX_DEPTH = 8;

  private RedactedFailure(String message, RedactedFailure cause, StackTraceElement[] trace) {
    super(message, cause, false, true);
    setStackTrace(trace);
  }

  static RedactedFailure of(Throwable failure, Redactor redactor) {
    return copy(failure, redactor, 0);
  }

  private static RedactedFailure copy(Throwable t, Redactor redactor, int depth) {
    RedactedFailure cause = t.getCause() == null || t.getCause() == t || depth >= MAX_DEPTH
        ? null
        : copy(t.getCause(), redactor, depth + 1);
    String type = t.getClass().getName();
    String message = t.getMessage() == null ? type : type + ": " + Causes.oneLine(redactor.redact(t.getMessage()));
    return new RedactedFailure(message, cause, t.getStackTrace());
  }
}
