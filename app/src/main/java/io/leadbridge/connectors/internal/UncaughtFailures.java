package io.leadbridge.connectors.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's handler of last resort for a throwable no thread caught — a plugin's own thread,
 * say: logged once, as its type and a redacted one-line message, instead of the JDK's default, which
 * prints the whole unredacted message and stack to standard error. Stateless and thread-safe.
 */
final class UncaughtFailures implements Thread.UncaughtExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(UncaughtFailures.class);

  static void install() {
    Thread.setDefaultUncaughtExceptionHandler(new UncaughtFailures());
  }

  @Override
  public void uncaughtException(Thread thread, Throwable failure) {
    String message = Causes.messageOf(failure);
    LOG.error("uncaught {} in thread {}{}", failure.getClass().getName(), Causes.oneLine(thread.getName()),
        message == null ? "" : ": " + Causes.oneLine(new Redactor().redact(message)));
  }
}
