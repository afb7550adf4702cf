package io.leadbridge.connectors.internal;

import java.lang.reflect.InvocationTargetException;

/**
 * Turns a plugin's failure into one line an operator can act on, for the API and the health
 * check: the exception's type and message along its cause chain, never a stack trace. Stateless
 * and thread-safe.
 */
final class Causes {

  /** Longest cause shown; plugin messages are third-party text. */
  static final int MAX_LENGTH = 400;

  private static final int MAX_DEPTH = 4;

  private Causes() {}

  /** {@code what} followed by a description of {@code failure}, on one line. */
  static String of(String what, Throwable failure) {
    return oneLine(what + ": " + describe(failure, 0));
  }

  /**
   * The failure's message, or null when it has none or its {@code getMessage()} throws: a plugin's
   * throwable is third-party code, and describing it must not fail.
   */
  static String messageOf(Throwable failure) {
    try {
      return failure.getMessage();
    } catch (Throwable hostile) {
      return null;
    }
  }

  /** The failure's cause, or null when it has none, is itself, or {@code getCause()} throws. */
  static Throwable causeOf(Throwable failure) {
    try {
      Throwable cause = failure.getCause();
      return cause == failure ? null : cause;
    } catch (Throwable hostile) {
      return null;
    }
  }

  /** A text cut to {@link #MAX_LENGTH} with every control character replaced by a space. */
  static String oneLine(String text) {
    StringBuilder line = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
    for (int i = 0; i < text.length() && line.length() < MAX_LENGTH; i++) {
      char c = text.charAt(i);
      line.append(Character.isISOControl(c) ? ' ' : c);
    }
    return line.toString();
  }

  private static String describe(Throwable failure, int depth) {
    if (failure == null) {
      return "unknown failure";
    }
    Throwable cause = causeOf(failure);
    if (failure instanceof PluginLoadException load) {
      return load.getMessage();
    }
    if (failure instanceof InvocationTargetException && cause != null) {
      return describe(cause, depth);
    }
    if (failure instanceof ExceptionInInitializerError && cause != null) {
      return "a static initializer threw " + describe(cause, depth + 1);
    }
    if (failure instanceof NoClassDefFoundError missing) {
      return missingClass(missing);
    }
    if (failure instanceof ClassNotFoundException) {
      return "class " + messageOf(failure) + " is not in the plugin jar (ClassNotFoundException)";
    }
    String message = messageOf(failure);
    String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    if (cause != null && depth < MAX_DEPTH) {
      text += " (caused by " + describe(cause, depth + 1) + ")";
    }
    return text;
  }

  private static String missingClass(NoClassDefFoundError missing) {
    String message = String.valueOf(messageOf(missing));
    if (message.startsWith("Could not initialize class")) {
      return "NoClassDefFoundError: " + message + " (its static initializer failed earlier)";
    }
    return "class " + message.replace('/', '.') + " is missing (NoClassDefFoundError): the plugin jar must"
        + " bundle every library it uses except the connector API and PF4J";
  }
}
