package io.leadbridge.simulators.kms;

/** A KMS error answer ({@code {"__type":..,"message":..}} with its HTTP status), produced in one place. Immutable. */
final class KmsApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errorType;

  KmsApiException(int status, String errorType, String message) {
    super(message, null, false, false);
    this.status = status;
    this.errorType = errorType;
  }

  static KmsApiException badRequest(String errorType, String message) {
    return new KmsApiException(400, errorType, message);
  }

  static KmsApiException validation(String message) {
    return badRequest("ValidationException", message);
  }

  int status() {
    return status;
  }

  String errorType() {
    return errorType;
  }
}
