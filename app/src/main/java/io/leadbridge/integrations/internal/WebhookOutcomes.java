package io.leadbridge.integrations.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.http.RateLimitScope;
import io.leadbridge.connector.api.http.VendorResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a webhook endpoint's answer means for the delivery. Texts quote the status only, never the
 * response body (which may echo a secret). Stateless and thread-safe.
 */
final class WebhookOutcomes {

  /** How long to wait after a 429 without {@code Retry-After}. */
  static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]+");

  private WebhookOutcomes() {}

  /**
   * The outcome of an answer.
   *
   * @param fallbackRemoteId the remote id when a 2xx body names none (the lead id, which the
   *     receiver dedupes by)
   */
  static DeliveryOutcome of(VendorResponse response, String fallbackRemoteId, Clock clock) {
    int status = response.status();
    Optional<Duration> retryAfter = response.retryAfter(clock);
    if (status >= 200 && status < 300) {
      String remoteId = remoteId(response.body()).orElse(fallbackRemoteId);
      return DeliveryOutcome.delivered(remoteId,
          status == 201 ? DeliveryOutcome.Change.CREATED : DeliveryOutcome.Change.UNKNOWN);
    }
    if (status == 429 || (status == 503 && retryAfter.isPresent())) {
      return DeliveryOutcome.rateLimited(retryAfter.orElse(DEFAULT_RATE_LIMIT_WAIT), RateLimitScope.WINDOW);
    }
    if (status == 408 || status == 425 || status >= 500) {
      return new DeliveryOutcome.Retryable("the endpoint answered HTTP " + status, retryAfter);
    }
    if (status == 401 || status == 403) {
      return DeliveryOutcome.authFailed("the endpoint refused the integration's credentials (HTTP " + status + ")");
    }
    if (status >= 300 && status < 400) {
      return DeliveryOutcome.rejected("redirect_refused", "the endpoint answered HTTP " + status
          + " (a redirect); webhooks do not follow redirects: set the final URL");
    }
    return DeliveryOutcome.rejected("http_" + status, "the endpoint refused the lead with HTTP " + status);
  }

  /** A JSON body's {@code id}, if it is a short printable string or a number. */
  static Optional<String> remoteId(byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    try {
      JsonNode id = JSON.readTree(body).path("id");
      if (!(id.isTextual() || id.isIntegralNumber())) {
        return Optional.empty();
      }
      String text = id.asText().strip();
      boolean fits = !text.isEmpty() && text.length() <= DeliveryOutcome.MAX_REMOTE_ID_LENGTH;
      return fits && PRINTABLE.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
