package io.leadbridge.integrations;

import io.leadbridge.errors.ErrorKind;
import io.leadbridge.errors.FieldError;
import io.leadbridge.errors.LeadbridgeException;
import java.util.List;

/** Root of the integrations module's failures; each subclass is one API error code. Immutable. */
public abstract class IntegrationException extends LeadbridgeException {

  private static final long serialVersionUID = 1L;

  IntegrationException(ErrorKind kind, String code, String message, List<FieldError> errors) {
    super(kind, code, message, errors);
  }

  /** No such integration under the caller's tenant. */
  public static final class IntegrationNotFound extends IntegrationException {
    private static final long serialVersionUID = 1L;

    public IntegrationNotFound() {
      super(ErrorKind.NOT_FOUND, "integration_not_found", "no such integration", List.of());
    }
  }

  /**
   * The connector is running but its rollout is off for the caller's tenant: a product decision,
   * not a mistake in the request, so 403 rather than 422.
   */
  public static final class ConnectorNotEnabled extends IntegrationException {
    private static final long serialVersionUID = 1L;

    public ConnectorNotEnabled() {
      super(ErrorKind.FORBIDDEN, "connector_not_enabled", "this connector is not enabled for your account yet",
          List.of());
    }
  }

  /** The request breaks the connector's descriptor or the URL policy; lists every field at fault. */
  public static final class InvalidIntegration extends IntegrationException {
    private static final long serialVersionUID = 1L;

    public InvalidIntegration(List<FieldError> errors) {
      super(ErrorKind.VALIDATION, "validation_failed", "the request is invalid", errors);
    }
  }

  /** The tenant has as many integrations of this kind as it may ({@code integrations.maxPerTenant}). */
  public static final class IntegrationLimitReached extends IntegrationException {
    private static final long serialVersionUID = 1L;

    public IntegrationLimitReached(String kind, int max) {
      super(ErrorKind.CONFLICT, "integration_limit_reached", "a tenant may have at most " + max + " " + kind
          + " integrations; remove one before adding another", List.of());
    }
  }

  /** A check of this integration is still running: one at a time per integration. */
  public static final class CheckInProgress extends IntegrationException {
    private static final long serialVersionUID = 1L;

    public CheckInProgress() {
      super(ErrorKind.CONFLICT, "check_in_progress", "a check of this integration is still running; try again when it is done",
          List.of());
    }
  }

  /** The check did not finish within {@code delivery.checkTimeout}; it is abandoned (interrupted). */
  public static final class CheckTimedOut extends IntegrationException {
    private static final long serialVersionUID = 1L;

    public CheckTimedOut() {
      super(ErrorKind.TIMED_OUT, "check_timed_out", "the check did not finish in time", List.of());
    }
  }
}
