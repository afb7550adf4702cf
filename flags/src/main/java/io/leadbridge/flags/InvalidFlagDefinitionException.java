package io.leadbridge.flags;

/**
 * Thrown when a flag definition or the catalog breaks a rule (name, owner, duplicates), so a bad
 * catalog fails the build instead of reaching a server. Immutable; safe to share between threads.
 */
public class InvalidFlagDefinitionException extends FlagsException {
  private static final long serialVersionUID = 1L;

  public InvalidFlagDefinitionException(String message) {
    super(message);
  }
}
