package io.leadbridge.simulators.kms;

/** Failures the fake can inject, each answered the way KMS answers it (HTTP status, {@code __type}). Immutable. */
public enum KmsFault {
  THROTTLING(400, "ThrottlingException", "Rate exceeded"),
  DISABLED(400, "DisabledException", "The key is disabled."),
  INVALID_CIPHERTEXT(400, "InvalidCiphertextException", "The ciphertext is not valid."),
  ACCESS_DENIED(400, "AccessDeniedException", "User is not authorized to perform this KMS operation"),
  NOT_FOUND(400, "NotFoundException", "The key does not exist."),
  INTERNAL(500, "KMSInternalException", "An internal error occurred."),
  /** Accept the request and never answer until released or the fake closes. */
  HANG(0, "", "");

  private final int status;
  private final String errorType;
  private final String message;

  KmsFault(int status, String errorType, String message) {
    this.status = status;
    this.errorType = errorType;
    this.message = message;
  }

  KmsApiException toException() {
    return new KmsApiException(status, errorType, message);
  }
}
