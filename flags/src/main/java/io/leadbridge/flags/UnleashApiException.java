package io.leadbridge.flags;

/**
 * Thrown when the Unleash Admin API cannot be reached or answers with an error; the message names
 * the call and the server's reason but never the token. Immutable; safe to share between threads.
 */
public class UnleashApiException extends FlagsException {
  private static final long serialVersionUID = 1L;

  /** HTTP status of the failed call, or {@code 0} when no answer arrived. */
  private final int status;

  public UnleashApiException(String message, int status) {
    super(message);
    this.status = status;
  }

  public UnleashApiException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
  }

  /** HTTP status of the failed call, or {@code 0} when the server could not be reached. */
  public int status() {
    return status;
  }
}
