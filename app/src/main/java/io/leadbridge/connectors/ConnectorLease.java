package io.leadbridge.connectors;

import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.lead.LeadRecord;
import java.time.Instant;
import java.util.List;

/**
 * The right to call one STARTED connector version until a deadline; while a lease is open the host
 * does not unload that version, even when a reload replaces or removes its jar (it waits until the
 * lease is closed or its deadline plus {@code connectors.drainGrace} has passed). Close it as soon
 * as the calls are done, with try-with-resources. Thread-safe: a lease may be used from several
 * threads, and closing it twice is harmless.
 *
 * <p>Each call runs on the calling thread, in a fresh {@code ConnectorContext} for the given
 * target, with the plugin's class loader as the thread's context class loader. Enforcing the
 * deadline by interrupting an overrunning call is the caller's business (the delivery module's
 * bulkhead); the context already refuses sends after the deadline.
 */
public interface ConnectorLease extends AutoCloseable {

  /** What the leased connector version said about itself when it started. */
  ConnectorDescriptor descriptor();

  /** When the leased calls must be over. */
  Instant deadline();

  /**
   * Runs the connector's {@code check} for an integration. A connector that throws, returns null
   * or is gone gives a failed check with a generic detail and an error id that is in the log.
   *
   * @throws IllegalStateException if the lease is closed
   */
  CheckResult check(CallTarget target);

  /**
   * Delivers a batch to the connector and returns one outcome per record, in batch order. Every
   * record is {@link DeliveryOutcome.Retryable} when the connector throws (a
   * {@code LinkageError} included), breaks the result contract, or has been unloaded: nothing is
   * lost.
   *
   * @param batch 1 to {@code descriptor().maxBatchSize()} records, each lead at most once
   * @throws IllegalArgumentException if the batch breaks those rules
   * @throws IllegalStateException if the lease is closed
   */
  List<DeliveryOutcome> deliver(CallTarget target, List<LeadRecord> batch);

  /** Gives the version back; after the last lease on a replaced version closes it is unloaded. */
  @Override
  void close();
}
