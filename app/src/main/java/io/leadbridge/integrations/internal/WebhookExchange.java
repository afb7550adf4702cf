package io.leadbridge.integrations.internal;

import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.http.VendorResponse;
import io.leadbridge.credentials.OpenedCredential;
import io.leadbridge.integrations.BaseUrlPolicy;
import io.leadbridge.integrations.InternalIntegration;
import io.leadbridge.integrations.WebhookAuth;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * One signed webhook request with the integration's auth flow, run inside the vault's open
 * callback (the credential is wiped when it returns). An oauth2 endpoint that refuses a token gets
 * exactly one more try with a fresh one. Use once, from one thread.
 */
final class WebhookExchange {

  static final String SIGNATURE_HEADER = "X-Leadbridge-Signature";
  private static final String STEP = "webhook";

  private final InternalIntegration integration;
  private final OpenedCredential credential;
  private final WebhookHttp http;
  private final OAuthTokens tokens;
  private final BaseUrlPolicy urls;

  WebhookExchange(InternalIntegration integration, OpenedCredential credential, WebhookHttp http, OAuthTokens tokens,
      BaseUrlPolicy urls) {
    this.integration = integration;
    this.credential = credential;
    this.http = http;
    this.tokens = tokens;
    this.urls = urls;
  }

  /**
   * Sends {@code body} with the fixed headers, the tenant's headers, {@code extraHeaders}, the
   * signature and the auth flow's credentials, and maps the answer.
   */
  DeliveryOutcome send(byte[] body, Map<String, String> extraHeaders, String fallbackRemoteId, Instant deadline) {
    try {
      boolean oauth = integration.auth().type() == WebhookAuth.Type.OAUTH2_CLIENT_CREDENTIALS;
      Optional<AccessToken> token = oauth ? Optional.of(token(deadline)) : Optional.empty();
      VendorResponse response = exchange(body, extraHeaders, token, deadline);
      if (oauth && (response.status() == 401 || response.status() == 403)) {
        tokens.drop(integration.id(), token.get());
        response = exchange(body, extraHeaders, Optional.of(token(deadline)), deadline);
      }
      return WebhookOutcomes.of(response, fallbackRemoteId, http.clock());
    } catch (WebhookFailure failure) {
      return failure.outcome();
    }
  }

  private AccessToken token(Instant deadline) throws WebhookFailure {
    int timeoutMs = integration.endpoint().timeoutMs();
    return tokens.token(integration.id(), integration.updatedAt(), deadline,
        () -> TokenRequest.fetch(integration.auth(), credential, urls, http, timeoutMs, deadline));
  }

  private VendorResponse exchange(byte[] body, Map<String, String> extraHeaders, Optional<AccessToken> token,
      Instant deadline) throws WebhookFailure {
    HttpRequest.Builder request = HttpRequest.newBuilder(integration.endpoint().url())
        .method(integration.endpoint().method(), HttpRequest.BodyPublishers.ofByteArray(body));
    Optional<Map.Entry<String, String>> authorization = authorization(token);
    try {
      for (Map.Entry<String, String> header : integration.endpoint().headers().entrySet()) {
        request.header(header.getKey(), sendable(header));
      }
      extraHeaders.forEach(request::header);
      request.header("Content-Type", "application/json");
      request.header("User-Agent", "Leadbridge-Webhooks/1");
      request.header(SIGNATURE_HEADER, signature(body));
      authorization.ifPresent(header -> request.header(header.getKey(), header.getValue()));
    } catch (IllegalArgumentException e) {
      // The client's message quotes the header value, which may be a secret: only the type goes on.
      throw new WebhookFailure(DeliveryOutcome.retryable(STEP + ": the request could not be built ("
          + e.getClass().getSimpleName() + ")"));
    }
    return http.send(STEP, request, http.timeout(STEP, integration.endpoint().timeoutMs(), deadline));
  }

  /**
   * A tenant header's value, refused (a lead the endpoint can never get as configured) when it was
   * stored before the save-time rule and the client cannot send it.
   */
  private static String sendable(Map.Entry<String, String> header) throws WebhookFailure {
    if (!HeaderValues.sendable(header.getValue())) {
      throw new WebhookFailure(DeliveryOutcome.rejected("endpoint_header_unsendable", "endpoint header "
          + header.getKey() + " has a character that cannot be sent in an HTTP header; set the endpoint again"));
    }
    return header.getValue();
  }

  /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}, keyed with the signing secret. */
  private String signature(byte[] body) {
    long t = http.clock().instant().getEpochSecond();
    byte[] prefix = (t + ".").getBytes(StandardCharsets.US_ASCII);
    byte[] signed = Arrays.copyOf(prefix, prefix.length + body.length);
    System.arraycopy(body, 0, signed, prefix.length, body.length);
    return "t=" + t + ",v1=" + credential.hmacSha256Hex(WebhookAuth.SIGNING_SECRET, signed);
  }

  private Optional<Map.Entry<String, String>> authorization(Optional<AccessToken> token) throws WebhookFailure {
    WebhookAuth auth = integration.auth();
    return switch (auth.type()) {
      case NONE -> Optional.empty();
      case API_KEY_HEADER -> Optional.of(Map.entry(auth.headerName(), headerSafe(text(auth.type()))));
      case BASIC -> Optional.of(Map.entry("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (auth.username() + ":" + text(auth.type())).getBytes(StandardCharsets.UTF_8))));
      case OAUTH2_CLIENT_CREDENTIALS -> Optional.of(Map.entry("Authorization", token.orElseThrow().bearerHeader()));
    };
  }

  /**
   * The api key, if the client can send it; one stored before the save-time rule that it cannot
   * (a CR, LF, NUL, ...) pauses the integration with a text that names the field, never the value.
   */
  private static String headerSafe(String apiKey) throws WebhookFailure {
    if (!HeaderValues.sendable(apiKey)) {
      throw new WebhookFailure(DeliveryOutcome.authFailed("credential field "
          + WebhookAuth.Type.API_KEY_HEADER.secretField().orElseThrow()
          + " cannot be sent in an HTTP header; set new credentials with PUT …/credentials"));
    }
    return apiKey;
  }

  /** The flow's secret as text for a header; the char copy is wiped, the header string cannot be. */
  private String text(WebhookAuth.Type type) {
    char[] chars = credential.chars(type.secretField().orElseThrow());
    try {
      return new String(chars);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }
}
