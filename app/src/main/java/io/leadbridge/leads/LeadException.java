package io.leadbridge.leads;

import io.leadbridge.errors.ErrorKind;
import io.leadbridge.errors.FieldError;
import io.leadbridge.errors.LeadbridgeException;
import java.util.List;

/** Root of the leads module's failures; each subclass is one API error code. Immutable. */
public abstract class LeadException extends LeadbridgeException {

  private static final long serialVersionUID = 1L;

  /** The header that makes {@code POST /v1/leads} safe to retry. */
  public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

  LeadException(ErrorKind kind, String code, String message, List<FieldError> errors) {
    super(kind, code, message, errors);
  }

  /** No such lead under the caller's tenant. */
  public static final class LeadNotFound extends LeadException {
    private static final long serialVersionUID = 1L;

    public LeadNotFound() {
      super(ErrorKind.NOT_FOUND, "lead_not_found", "no such lead", List.of());
    }
  }

  /** The body is not an ADF document the hub can read: not well-formed, not {@code <adf>}, or past a parsing limit. */
  public static final class UnreadableAdf extends LeadException {
    private static final long serialVersionUID = 1L;

    public UnreadableAdf(String problem) {
      super(ErrorKind.BAD_REQUEST, "invalid_xml", problem, List.of(new FieldError("body", problem)));
    }
  }

  /** The lead breaks the intake rules; lists every field at fault by its JSON path. */
  public static final class InvalidLead extends LeadException {
    private static final long serialVersionUID = 1L;

    public InvalidLead(List<FieldError> errors) {
      super(ErrorKind.VALIDATION, "validation_failed", "the lead is invalid", errors);
    }
  }

  /** The Idempotency-Key header is missing, blank, longer than 255 characters, not printable ASCII or sent more than once. */
  public static final class InvalidIdempotencyKey extends LeadException {
    private static final long serialVersionUID = 1L;

    public InvalidIdempotencyKey(String problem) {
      super(ErrorKind.BAD_REQUEST, "invalid_idempotency_key", "the Idempotency-Key header " + problem,
          List.of(new FieldError(IDEMPOTENCY_KEY_HEADER, problem)));
    }
  }

  /** The key was used before with a different body. */
  public static final class IdempotencyKeyReused extends LeadException {
    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReused() {
      super(ErrorKind.VALIDATION, "idempotency_key_reused",
          "this Idempotency-Key was used with a different lead", List.of());
    }
  }

  /** A request with the same key has not finished yet; retrying later gets its answer. */
  public static final class IdempotencyKeyInFlight extends LeadException {
    private static final long serialVersionUID = 1L;

    public IdempotencyKeyInFlight() {
      super(ErrorKind.CONFLICT, "idempotency_key_in_flight",
          "a request with this Idempotency-Key is still being processed; retry shortly", List.of());
    }
  }
}
