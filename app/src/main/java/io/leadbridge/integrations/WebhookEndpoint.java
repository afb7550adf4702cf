package io.leadbridge.integrations;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how an internal integration's leads are sent: URL, HTTP method, the tenant's own
 * non-secret headers and the longest an exchange may take. Immutable.
 */
public record WebhookEndpoint(URI url, String method, Map<String, String> headers, int timeoutMs) {

  public WebhookEndpoint {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(method, "method");
    headers = Map.copyOf(headers);
  }
}
