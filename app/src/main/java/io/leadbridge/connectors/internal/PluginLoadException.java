package io.leadbridge.connectors.internal;

/**
 * A plugin could not be loaded or started, with a message already fit to be shown as its cause;
 * immutable.
 */
final class PluginLoadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  PluginLoadException(String message) {
    super(message);
  }

  PluginLoadException(String what, Throwable cause) {
    super(Causes.of(what, cause), cause);
  }
}
