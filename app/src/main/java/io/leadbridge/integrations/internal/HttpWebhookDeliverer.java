package io.leadbridge.integrations.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadbridge.audit.Actor;
import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.credentials.CredentialDecryptionException;
import io.leadbridge.credentials.CredentialException;
import io.leadbridge.credentials.CredentialVault;
import io.leadbridge.integrations.BaseUrlPolicy;
import io.leadbridge.integrations.InternalIntegration;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The built-in webhook deliverer: maps the lead with the integration's field mappings, re-checks
 * the endpoint against the SSRF policy, opens the integration's credential in the vault (audited)
 * and sends one signed request with its auth flow. Every failure is an outcome; outcome texts name
 * statuses and steps, never a secret or a response body. Thread-safe.
 */
public final class HttpWebhookDeliverer {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Actor ACTOR = Actor.system("webhook-deliverer");
  private static final byte[] PING = "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);

  private final Jdbi jdbi;
  private final CredentialVault vault;
  private final BaseUrlPolicy urls;
  private final WebhookHttp http;
  private final OAuthTokens tokens;

  public HttpWebhookDeliverer(Jdbi jdbi, CredentialVault vault, BaseUrlPolicy urls, Clock clock) {
    this.jdbi = jdbi;
    this.vault = vault;
    this.urls = urls;
    this.http = new WebhookHttp(clock);
    this.tokens = new OAuthTokens(clock);
  }

  /**
   * Sends one lead; never throws for a delivery problem (every failure is an outcome).
   *
   * @param leadJson the lead as stored (the canonical JSON of the API's lead body)
   * @param deadline when the call must be over, the token request included
   */
  public DeliveryOutcome deliver(UUID tenantId, UUID integrationId, UUID leadId, String leadJson,
      Map<String, String> customFields, Instant deadline) {
    Optional<InternalIntegration> integration =
        jdbi.withExtension(InternalIntegrationDao.class, dao -> dao.find(tenantId, integrationId));
    if (integration.isEmpty()) {
      return DeliveryOutcome.rejected("integration_not_found", "the internal integration no longer exists");
    }
    byte[] body;
    try {
      body = body(leadJson, leadId, customFields, integration.get());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return DeliveryOutcome.rejected("lead_unreadable", "the stored lead is not a JSON object");
    }
    String id = leadId.toString();
    return send(integration.get(), body, Map.of("Idempotency-Key", id, "X-Leadbridge-Lead-Id", id), id, "deliver",
        deadline);
  }

  /** Sends a signed {@code {"type":"ping"}} with the auth flow; ok iff the endpoint answers 2xx. */
  public CheckResult check(UUID tenantId, UUID integrationId, Instant deadline) {
    return jdbi.withExtension(InternalIntegrationDao.class, dao -> dao.find(tenantId, integrationId))
        .map(integration -> check(integration, deadline))
        .orElseGet(() -> CheckResult.failure("the internal integration no longer exists"));
  }

  private CheckResult check(InternalIntegration integration, Instant deadline) {
    String pingId = "ping-" + UUID.randomUUID();
    DeliveryOutcome outcome = send(integration, PING,
        Map.of("Idempotency-Key", pingId), pingId, "check", deadline);
    if (outcome instanceof DeliveryOutcome.Delivered) {
      return CheckResult.success("the endpoint accepted a signed ping");
    }
    if (outcome instanceof DeliveryOutcome.Retryable retryable) {
      return CheckResult.failure(retryable.reason());
    }
    if (outcome instanceof DeliveryOutcome.Rejected rejected) {
      return CheckResult.failure(rejected.message());
    }
    if (outcome instanceof DeliveryOutcome.AuthFailed authFailed) {
      return CheckResult.failure(authFailed.message());
    }
    return CheckResult.failure("the endpoint is rate limiting (HTTP 429 or 503 with Retry-After)");
  }

  private DeliveryOutcome send(InternalIntegration integration, byte[] body, Map<String, String> headers,
      String fallbackRemoteId, String purpose, Instant deadline) {
    Optional<String> refusal = urls.refusal(integration.endpoint().url().toString());
    if (refusal.isPresent()) {
      return DeliveryOutcome.rejected("endpoint_not_allowed", "the endpoint URL " + refusal.get());
    }
    if (integration.credential().isEmpty()) {
      return DeliveryOutcome.authFailed("the integration has no credentials; set them with PUT …/credentials");
    }
    try {
      return vault.open(integration.tenantId(), integration.credential().get(), purpose, ACTOR,
          opened -> new WebhookExchange(integration, opened, http, tokens, urls)
              .send(body, headers, fallbackRemoteId, deadline));
    } catch (CredentialException.CredentialNotFoundException | CredentialException.CredentialsShreddedException e) {
      return DeliveryOutcome.authFailed("the integration's credentials are gone (" + e.code() + "); set new ones");
    } catch (CredentialException | CredentialDecryptionException e) {
      return DeliveryOutcome.retryable("the integration's credentials cannot be read now (" + e.code() + ")");
    }
  }

  /**
   * The lead with {@code leadId}, mapped; the whole lead when the integration has no mappings. Its
   * custom fields are the record's: the stored ones, plus the duplicate mark when the engine added one.
   */
  private static byte[] body(String leadJson, UUID leadId, Map<String, String> customFields,
      InternalIntegration integration) throws JsonProcessingException {
    JsonNode lead = JSON.readTree(leadJson);
    if (!(lead instanceof ObjectNode object)) {
      throw new IllegalArgumentException("not an object");
    }
    object.put("leadId", leadId.toString());
    if (!customFields.isEmpty()) {
      ObjectNode fields = object.putObject("customFields");
      customFields.forEach(fields::put);
    }
    return JSON.writeValueAsBytes(LeadMapper.map(object, integration.fieldMappings()));
  }
}
