package io.leadbridge.connectors;

import io.leadbridge.errors.ErrorKind;
import io.leadbridge.errors.LeadbridgeException;

/** Root of the connectors module's failures that reach the API; each subclass is one error code. Immutable. */
public abstract class PluginsException extends LeadbridgeException {

  private static final long serialVersionUID = 1L;

  PluginsException(ErrorKind kind, String code, String message) {
    super(kind, code, message);
  }

  /** The plugins directory exists but cannot be listed; nothing was changed. */
  public static final class DirectoryUnreadable extends PluginsException {
    private static final long serialVersionUID = 1L;

    public DirectoryUnreadable() {
      super(ErrorKind.UNAVAILABLE, "plugins_directory_unreadable", "the plugins directory cannot be read");
    }
  }
}
