package io.leadbridge.integrations.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.http.VendorResponse;
import io.leadbridge.credentials.OpenedCredential;
import io.leadbridge.integrations.BaseUrlPolicy;
import io.leadbridge.integrations.WebhookAuth;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * One OAuth 2.0 client-credentials token request (RFC 6749 section 4.4), the client authenticated
 * with HTTP Basic over the form-encoded id and secret (section 2.3.1). Outcomes quote the status
 * only, never the token endpoint's body. Stateless and thread-safe.
 */
final class TokenRequest {

  /** A token is replaced this long before it expires, so it never expires in flight. */
  static final Duration EXPIRY_SKEW = Duration.ofSeconds(30);
  /** How long a token without {@code expires_in} is used. */
  static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STEP = "token request";

  private TokenRequest() {}

  /**
   * Asks the integration's token endpoint for a new access token.
   *
   * @throws WebhookFailure authFailed when the endpoint refuses the client, retryable when it
   *     cannot answer now, rejected when its URL is no longer allowed
   */
  static AccessToken fetch(WebhookAuth auth, OpenedCredential credential, BaseUrlPolicy urls, WebhookHttp http,
      int timeoutMs, Instant deadline) throws WebhookFailure {
    Optional<String> refusal = urls.refusal(auth.tokenUrl().toString());
    if (refusal.isPresent()) {
      throw new WebhookFailure(DeliveryOutcome.rejected("endpoint_not_allowed", "the token URL " + refusal.get()));
    }
    String form = "grant_type=client_credentials" + (auth.scopes() == null || auth.scopes().isEmpty() ? ""
        : "&scope=" + URLEncoder.encode(String.join(" ", auth.scopes()), StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(auth.tokenUrl())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .header("Authorization", clientAuthorization(auth.clientId(), credential))
        .POST(HttpRequest.BodyPublishers.ofString(form));
    Instant sent = http.clock().instant();
    VendorResponse response = http.send(STEP, request, http.timeout(STEP, timeoutMs, deadline));
    int status = response.status();
    if (status >= 200 && status < 300) {
      return token(response.body(), sent);
    }
    if (status == 408 || status == 425 || status == 429 || status >= 500) {
      throw new WebhookFailure(DeliveryOutcome.retryable("the token endpoint answered HTTP " + status));
    }
    throw new WebhookFailure(DeliveryOutcome.authFailed(
        "the token endpoint refused the client credentials (HTTP " + status + ")"));
  }

  /** {@code Basic base64(urlencode(id):urlencode(secret))}. */
  private static String clientAuthorization(String clientId, OpenedCredential credential) {
    char[] secret = credential.chars(WebhookAuth.Type.OAUTH2_CLIENT_CREDENTIALS.secretField().orElseThrow());
    try {
      String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
          + URLEncoder.encode(new String(secret), StandardCharsets.UTF_8);
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  private static AccessToken token(byte[] body, Instant sent) throws WebhookFailure {
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException e) {
      throw new WebhookFailure(DeliveryOutcome.retryable("the token endpoint answered without JSON"));
    }
    String token = json.path("access_token").asText("");
    if (token.isBlank() || json.has("token_type") && !"bearer".equalsIgnoreCase(json.path("token_type").asText())) {
      throw new WebhookFailure(DeliveryOutcome.authFailed("the token endpoint answered without a bearer access_token"));
    }
    if (!HeaderValues.sendable(token)) {
      throw new WebhookFailure(DeliveryOutcome.authFailed(
          "the token endpoint answered with an access_token that cannot be sent in an HTTP header"));
    }
    Duration lifetime = json.path("expires_in").canConvertToLong()
        ? Duration.ofSeconds(Math.max(0, json.path("expires_in").asLong()))
        : DEFAULT_LIFETIME;
    Duration skew = lifetime.compareTo(EXPIRY_SKEW.multipliedBy(2)) < 0 ? lifetime.dividedBy(2) : EXPIRY_SKEW;
    return new AccessToken(token, sent.plus(lifetime).minus(skew));
  }
}
