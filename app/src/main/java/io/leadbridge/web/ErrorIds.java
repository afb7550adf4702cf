package io.leadbridge.web;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Mints the 16-hex-digit ids that tie an error response to its log line; thread-safe. */
public final class ErrorIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ErrorIds() {}

  public static String next() {
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }
}
