package io.leadbridge.integrations;

import io.leadbridge.connector.api.DeliveryOutcome;
import java.time.Instant;
import java.util.UUID;

/**
 * The built-in deliverer of internal integrations: maps a lead with the integration's field
 * mappings and sends it to the tenant's endpoint with its auth flow and an HMAC signature.
 * Implementations are thread-safe and never throw for a delivery problem: every failure is an
 * outcome (retryable, rejected, authFailed, rateLimited).
 */
public interface WebhookDeliverer {

  /**
   * Sends one lead.
   *
   * @param leadJson the lead as stored (the canonical JSON of the API's lead body)
   * @param deadline when the call must be over, the token request included
   */
  DeliveryOutcome deliver(UUID tenantId, UUID integrationId, UUID leadId, String leadJson, Instant deadline);
}
