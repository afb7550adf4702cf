package io.leadbridge.integrations.internal;

import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.DeliveryOutcome.AuthFailed;
import io.leadbridge.connector.api.DeliveryOutcome.RateLimited;
import io.leadbridge.connector.api.RateLimitProfile;
import io.leadbridge.connector.api.Transport;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connectors.BuiltInConnector;
import io.leadbridge.connectors.CallTarget;
import io.leadbridge.connectors.IntegrationKey;
import io.leadbridge.connectors.IntegrationRateLimits;
import io.leadbridge.integrations.DeliveryRoute;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The webhook deliverer as the built-in connector {@value DeliveryRoute#WEBHOOK}: posts each lead of
 * a batch (the lead as its tenant sent it, mapped) to the internal integration's endpoint in turn,
 * stops the rest of the batch at the first refusal of the credentials or the first 429 (they would
 * meet the same answer), and pauses every integration posting to that receiver's origin for as
 * long as its {@code Retry-After} asks. Thread-safe.
 */
public final class WebhookConnector implements BuiltInConnector {

  /** The most leads of one integration one call posts, one request each. */
  static final int MAX_BATCH = 10;
  /**
   * Nominal: a receiver is the tenant's own system, with no documented limit, so webhook calls are
   * paced only by the pauses its {@code Retry-After} asks for.
   */
  private static final RateLimitProfile NOMINAL = RateLimitProfile.of(1000, Duration.ofSeconds(1));
  private static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.builder()
      .id(DeliveryRoute.WEBHOOK)
      .displayName("Webhook")
      .vendor("Leadbridge")
      .pluginVersion("1.0.0")
      .transport(Transport.HTTP)
      .defaultRateLimit(NOMINAL)
      .maxBatchSize(MAX_BATCH)
      .build();

  private final HttpWebhookDeliverer deliverer;
  private final Function<Collection<UUID>, Map<UUID, String>> leadDocuments;
  private final IntegrationRateLimits rateLimits;
  private final Clock clock;

  /**
   * @param leadDocuments the leads with these ids as their tenants sent them (stored JSON), by id
   * @param rateLimits where a receiver's pause is recorded, for every node
   */
  public WebhookConnector(HttpWebhookDeliverer deliverer, Function<Collection<UUID>, Map<UUID, String>> leadDocuments,
      IntegrationRateLimits rateLimits, Clock clock) {
    this.deliverer = deliverer;
    this.leadDocuments = leadDocuments;
    this.rateLimits = rateLimits;
    this.clock = clock;
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public CheckResult check(CallTarget target, Instant deadline) {
    return deliverer.check(target.tenantId(), target.integrationId(), deadline);
  }

  @Override
  public List<DeliveryOutcome> deliver(CallTarget target, List<LeadRecord> batch, Instant deadline) {
    Map<UUID, String> documents = leadDocuments.apply(batch.stream().map(LeadRecord::leadId).toList());
    List<DeliveryOutcome> outcomes = new ArrayList<>(batch.size());
    DeliveryOutcome stop = null;
    for (LeadRecord lead : batch) {
      if (stop == null && !clock.instant().isBefore(deadline)) {
        stop = DeliveryOutcome.retryable("call timeout");
      }
      if (stop != null) {
        outcomes.add(stop);
        continue;
      }
      String document = documents.get(lead.leadId());
      DeliveryOutcome outcome = document == null
          ? DeliveryOutcome.rejected("lead_missing", "the lead is no longer stored")
          : deliverer.deliver(target.tenantId(), target.integrationId(), lead.leadId(), document,
              lead.customFields(), deadline);
      outcomes.add(outcome);
      if (outcome instanceof RateLimited limited) {
        // The receiver's host is busy for every integration posting to it, not only this one.
        rateLimits.retryAfter(key(target), limited.retryAfter(), limited.scope());
      }
      if (outcome instanceof AuthFailed || outcome instanceof RateLimited) {
        stop = outcome;
      }
    }
    return outcomes;
  }

  private static IntegrationKey key(CallTarget target) {
    return new IntegrationKey(DeliveryRoute.WEBHOOK, target.tenantId(), target.integrationId(), target.account());
  }
}
