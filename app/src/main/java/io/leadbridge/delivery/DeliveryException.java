package io.leadbridge.delivery;

import io.leadbridge.errors.ErrorKind;
import io.leadbridge.errors.FieldError;
import io.leadbridge.errors.LeadbridgeException;
import java.util.List;

/** Root of the delivery module's failures; each subclass is one API error code. Immutable. */
public abstract class DeliveryException extends LeadbridgeException {

  private static final long serialVersionUID = 1L;

  DeliveryException(ErrorKind kind, String code, String message, List<FieldError> errors) {
    super(kind, code, message, errors);
  }

  /** No such delivery (or, for a tenant, none of its own). */
  public static final class DeliveryNotFound extends DeliveryException {
    private static final long serialVersionUID = 1L;

    public DeliveryNotFound() {
      super(ErrorKind.NOT_FOUND, "delivery_not_found", "no such delivery", List.of());
    }
  }

  /** The delivery is not in a state the action applies to (e.g. replaying a delivered one). */
  public static final class WrongDeliveryState extends DeliveryException {
    private static final long serialVersionUID = 1L;

    public WrongDeliveryState(String action, String status, String allowed) {
      super(ErrorKind.CONFLICT, "delivery_state_conflict",
          "cannot " + action + " a delivery that is " + status + " (only " + allowed + ")", List.of());
    }
  }
}
