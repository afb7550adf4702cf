package io.leadbridge.connectors;

import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.lead.LeadRecord;
import java.time.Instant;
import java.util.List;

/**
 * A connector compiled into the hub (the webhook deliverer of internal integrations), leased
 * through the {@link ConnectorRegistry} like a plugin so the delivery engine has one path for
 * both. It is hub code, so it runs without a plugin's class loader, call budget or quarantine, and
 * no rollout flag gates it. Implementations are thread-safe and never throw for a delivery
 * problem: every failure is an outcome.
 */
public interface BuiltInConnector {

  /** What it says about itself; its id is reserved: no plugin may use it. */
  ConnectorDescriptor descriptor();

  /** Checks the integration's connection, as {@link ConnectorLease#check} does. */
  CheckResult check(CallTarget target, Instant deadline);

  /**
   * Delivers a batch as {@link ConnectorLease#deliver} does: one outcome per record, in batch order.
   *
   * @param batch 1 to {@code descriptor().maxBatchSize()} records, each lead once (the lease checks)
   */
  List<DeliveryOutcome> deliver(CallTarget target, List<LeadRecord> batch, Instant deadline);
}
