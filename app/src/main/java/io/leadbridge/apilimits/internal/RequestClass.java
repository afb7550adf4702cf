package io.leadbridge.apilimits.internal;

import java.util.Locale;

/**
 * Which budget a {@code /v1} request spends; immutable. Checks have their own because each one calls
 * the tenant's vendor, whose limits are the vendor's to keep, not the hub's to spend.
 */
enum RequestClass {
  READ,
  WRITE,
  CHECK;

  private final String label = name().toLowerCase(Locale.ROOT);

  /** GET, HEAD and OPTIONS read; {@code POST …/check} checks; every other method writes. */
  static RequestClass of(String method, String path) {
    if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
      return READ;
    }
    if ("POST".equals(method) && path.endsWith("/check")) {
      return CHECK;
    }
    return WRITE;
  }

  /** The class as stored in {@code api_request_counts.request_class} and named in metrics. */
  String label() {
    return label;
  }
}
