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
    Throwable cause = failure.getCause();
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
      return "class " + failure.getMessage() + " is not in the plugin jar (ClassNotFoundException)";
    }
    String text = failure.getClass().getSimpleName()
        + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    if (cause != null && cause != failure && depth < MAX_DEPTH) {
      text += " (caused by " + describe(cause, depth + 1) + ")";
    }
    return text;
  }

  private static String missingClass(NoClassDefFoundError missing) {
    String message = String.valueOf(missing.getMessage());
    if (message.startsWith("Could not initialize class")) {
      return "NoClassDefFoundError: " + message + " (its static initializer failed earlier)";
    }
    return "class " + message.replace('/', '.') + " is missing (NoClassDefFoundError): the plugin jar must"
        + " bundle every library it uses except the connector API and PF4J";
  }
}
