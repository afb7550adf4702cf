package io.leadbridge.connectors.internal;

import io.leadbridge.connectors.VendorHttpConfiguration;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * What every call's {@link PinnedHttpClient} shares: one JDK HTTP client (its connection pool;
 * redirects never followed by it, the pinned client decides) and the configured limits. Immutable
 * and thread-safe.
 */
final class VendorHttpTransport {

  private final HttpClient client;
  private final Duration readTimeout;
  private final long maxResponseBytes;
  private final String userAgent;

  VendorHttpTransport(VendorHttpConfiguration config, String hubVersion) {
    this.client = HttpClient.newBuilder()
        .connectTimeout(config.getConnectTimeout().toJavaDuration())
        .followRedirects(HttpClient.Redirect.NEVER)
        // HTTP/1.1: plain-http vendors and simulators must not see an h2c upgrade attempt.
        .version(HttpClient.Version.HTTP_1_1)
        .build();
    this.readTimeout = config.getReadTimeout().toJavaDuration();
    this.maxResponseBytes = config.getMaxResponseBody().toBytes();
    this.userAgent = "Leadbridge/" + hubVersion;
  }

  HttpClient client() {
    return client;
  }

  /** Longest exchange, request sent to last body byte. */
  Duration readTimeout() {
    return readTimeout;
  }

  long maxResponseBytes() {
    return maxResponseBytes;
  }

  /** Sent when the plugin sets no {@code User-Agent} of its own. */
  String userAgent() {
    return userAgent;
  }
}
