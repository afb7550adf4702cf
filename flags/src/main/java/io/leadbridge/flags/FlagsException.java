package io.leadbridge.flags;

/**
 * Root of the flags module's unchecked exceptions, so callers can handle every flags failure in one
 * place. Immutable after construction; safe to share between threads.
 */
public class FlagsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FlagsException(String message) {
    super(message);
  }

  public FlagsException(String message, Throwable cause) {
    super(message, cause);
  }
}
