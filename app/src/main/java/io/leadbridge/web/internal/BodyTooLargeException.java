package io.leadbridge.web.internal;

import java.io.IOException;

/** Thrown while reading a request body that grows past the configured limit. */
final class BodyTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  BodyTooLargeException() {
    super("request body exceeds the configured limit");
  }

  /** Whether this failure was caused, at any depth, by an oversized body. */
  static boolean isCauseOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BodyTooLargeException) {
        return true;
      }
      if (t.getCause() == t) {
        return false;
      }
    }
    return false;
  }
}
