package io.leadbridge.errors;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Root of every module's unchecked exception hierarchy, so that one mapper turns all of them into
 * problem+json; immutable.
 *
 * <p>The message is shown to the API caller as the problem's {@code detail}: it must never contain
 * a secret or a value the caller did not send.
 */
public abstract class LeadbridgeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;
  private final String code;
  private final List<FieldError> fieldErrors;

  protected LeadbridgeException(ErrorKind kind, String code, String message) {
    this(kind, code, message, List.of());
  }

  protected LeadbridgeException(
      ErrorKind kind, String code, String message, List<FieldError> fieldErrors) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.code = Objects.requireNonNull(code, "code");
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  public ErrorKind kind() {
    return kind;
  }

  /** The stable, machine-readable error code of the API contract, e.g. {@code slug_taken}. */
  public String code() {
    return code;
  }

  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  /**
   * How long the caller should wait before trying again, sent as {@code Retry-After}; empty unless
   * the failure passes with time (a spent request budget).
   */
  public Optional<Duration> retryAfter() {
    return Optional.empty();
  }
}
