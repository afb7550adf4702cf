package io.leadbridge.connectors.internal;

/**
 * A copy of a plugin's failure chain that is safe to log: each message redacted by the call's
 * {@link Redactor}, types and stack traces kept (they name code, never values); a throwable whose
 * own methods throw is described as far as it lets itself be. Immutable.
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
    Throwable original = Causes.causeOf(t);
    RedactedFailure cause = original == null || depth >= MAX_DEPTH ? null : copy(original, redactor, depth + 1);
    String type = t.getClass().getName();
    String text = Causes.messageOf(t);
    String message = text == null ? type : type + ": " + Causes.oneLine(redactor.redact(text));
    return new RedactedFailure(message, cause, stackTraceOf(t));
  }

  /** The throwable's stack trace; none when {@code getStackTrace()} (which a plugin may override) throws. */
  private static StackTraceElement[] stackTraceOf(Throwable t) {
    try {
      StackTraceElement[] trace = t.getStackTrace();
      return trace == null ? new StackTraceElement[0] : trace;
    } catch (Throwable hostile) {
      return new StackTraceElement[0];
    }
  }
}
