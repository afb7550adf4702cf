package io.leadbridge.errors;

/** What kind of failure a {@link LeadbridgeException} is, which decides its HTTP status. */
public enum ErrorKind {
  /** The request is well-formed but its content breaks a rule (422). */
  VALIDATION(422),
  /** The request is malformed (400). */
  BAD_REQUEST(400),
  /** The object does not exist, or belongs to someone else (404). */
  NOT_FOUND(404),
  /** The request clashes with the current state (409). */
  CONFLICT(409),
  /** The caller may not do this (403). */
  FORBIDDEN(403),
  /** The caller spent its request budget; the request can be retried after the time it names (429). */
  TOO_MANY_REQUESTS(429),
  /** A dependency the request needs is down; the request can be retried (503). */
  UNAVAILABLE(503),
  /** A dependency did not answer within the request's time limit; the request can be retried (504). */
  TIMED_OUT(504),
  /** The hub found its own data broken (e.g. an envelope that does not decrypt); not retryable (500). */
  INTERNAL(500);

  private final int status;

  ErrorKind(int status) {
    this.status = status;
  }

  /** The HTTP status this kind maps to. */
  public int status() {
    return status;
  }
}
