package io.leadbridge.connectors.internal;

import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connectors.BuiltInConnector;
import io.leadbridge.connectors.CallTarget;
import io.leadbridge.connectors.ConnectorLease;
import io.leadbridge.web.ErrorIds;
import io.leadbridge.web.SafeFailure;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ConnectorLease} on a {@link BuiltInConnector}: the same batch rules and failure contract
 * as a plugin's lease (a throw or a broken result is a failed check or retryable outcomes, logged
 * with an error id), without a plugin's isolation: the connector is hub code and is never unloaded.
 * Thread-safe.
 */
final class BuiltInLease implements ConnectorLease {

  private static final Logger LOG = LoggerFactory.getLogger(BuiltInLease.class);

  private final BuiltInConnector connector;
  private final Instant deadline;
  private final AtomicBoolean closed = new AtomicBoolean();

  BuiltInLease(BuiltInConnector connector, Instant deadline) {
    this.connector = connector;
    this.deadline = deadline;
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return connector.descriptor();
  }

  @Override
  public Instant deadline() {
    return deadline;
  }

  @Override
  public CheckResult check(CallTarget target) {
    requireOpen();
    Objects.requireNonNull(target, "target");
    try {
      CheckResult result = connector.check(target, deadline);
      return result != null ? result
          : CheckResult.failure("connector " + descriptor().id() + " failed to check (errorId " + failed(target, null) + ")");
    } catch (RuntimeException e) {
      return CheckResult.failure("connector " + descriptor().id() + " failed to check (errorId " + failed(target, e) + ")");
    }
  }

  @Override
  public List<DeliveryOutcome> deliver(CallTarget target, List<LeadRecord> batch) {
    requireOpen();
    Objects.requireNonNull(target, "target");
    List<LeadRecord> records = LeaseBatches.checked(descriptor(), batch);
    try {
      List<DeliveryOutcome> outcomes = connector.deliver(target, records, deadline);
      if (outcomes != null && outcomes.size() == records.size() && outcomes.stream().allMatch(Objects::nonNull)) {
        return List.copyOf(outcomes);
      }
      return LeaseBatches.allRetryable(records, "connector " + descriptor().id() + " broke the outcome contract (errorId "
          + failed(target, null) + ")");
    } catch (RuntimeException e) {
      return LeaseBatches.allRetryable(records, "connector " + descriptor().id() + " failed (errorId " + failed(target, e) + ")");
    }
  }

  @Override
  public void close() {
    closed.set(true);
  }

  /** Logs a failed call under a new error id and returns the id. */
  private String failed(CallTarget target, RuntimeException failure) {
    String errorId = ErrorIds.next();
    if (failure == null) {
      LOG.error("errorId={} built-in connector {} returned no (or a wrong) result for integration {}", errorId,
          descriptor().id(), target.integrationId());
    } else {
      LOG.error("errorId={} built-in connector {} failed for integration {}", errorId, descriptor().id(),
          target.integrationId(), SafeFailure.of(failure));
    }
    return errorId;
  }

  private void requireOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the lease on " + descriptor().id() + " is closed");
    }
  }
}
