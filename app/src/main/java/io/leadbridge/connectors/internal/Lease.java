package io.leadbridge.connectors.internal;

import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.CredentialUnavailableException;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connectors.CallTarget;
import io.leadbridge.connectors.ConnectorLease;
import io.leadbridge.web.ErrorIds;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ConnectorLease} on one {@link LoadedConnector}: runs each call in a fresh
 * {@link CallContext}, turns whatever the plugin does wrong into a failed check or retryable
 * outcomes (logged once with an error id and redacted messages), and gives the version back on
 * close. Thread-safe.
 */
final class Lease implements ConnectorLease {

  private static final Logger LOG = LoggerFactory.getLogger(Lease.class);

  private final LoadedConnector connector;
  private final CallContexts contexts;
  private final Instant deadline;
  private final AtomicBoolean closed = new AtomicBoolean();

  Lease(LoadedConnector connector, CallContexts contexts, Instant deadline) {
    this.connector = connector;
    this.contexts = contexts;
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
    if (connector.isUnloaded()) {
      return CheckResult.failure("connector " + label() + " has been unloaded; try again");
    }
    CallContext context;
    try {
      context = contexts.create(descriptor(), target, deadline);
    } catch (IllegalArgumentException e) {
      return CheckResult.failure("the integration does not fit connector " + label() + ": " + e.getMessage());
    }
    try {
      CheckResult result = connector.withPluginContext(() -> connector.connector().check(context));
      if (result == null) {
        return CheckResult.failure("connector " + label() + " failed to check (errorId " + violation(context, "check returned null") + ")");
      }
      return result;
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return CheckResult.failure("connector " + label() + " failed to check (errorId " + failure(context, "check", e) + ")");
    } finally {
      context.end();
    }
  }

  @Override
  public List<DeliveryOutcome> deliver(CallTarget target, List<LeadRecord> batch) {
    requireOpen();
    Objects.requireNonNull(target, "target");
    List<LeadRecord> records = checkBatch(batch);
    if (connector.isUnloaded()) {
      return allRetryable(records, "connector " + label() + " has been unloaded");
    }
    CallContext context;
    try {
      context = contexts.create(descriptor(), target, deadline);
    } catch (IllegalArgumentException e) {
      return allRetryable(records, "the integration does not fit connector " + label() + ": " + e.getMessage());
    }
    List<DeliveryOutcome> outcomes;
    try {
      outcomes = connector.withPluginContext(() -> connector.connector().deliver(records, context));
    } catch (CredentialUnavailableException e) {
      return allRetryable(records, "credentials unavailable: " + Causes.oneLine(context.redactor().redact(String.valueOf(e.getMessage()))));
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return allRetryable(records, "connector " + label() + " failed (errorId " + failure(context, "deliver", e) + ")");
    } finally {
      context.end();
    }
    if (outcomes == null || outcomes.size() != records.size() || outcomes.stream().anyMatch(Objects::isNull)) {
      String errorId = violation(context, "deliver returned " + (outcomes == null ? "null"
          : outcomes.size() + " outcomes (or a null one) for " + records.size() + " records"));
      return allRetryable(records, "connector " + label() + " broke the outcome contract (errorId " + errorId + ")");
    }
    return List.copyOf(outcomes);
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      connector.release();
    }
  }

  private List<LeadRecord> checkBatch(List<LeadRecord> batch) {
    Objects.requireNonNull(batch, "batch");
    if (batch.isEmpty() || batch.size() > descriptor().maxBatchSize()) {
      throw new IllegalArgumentException("a batch holds 1 to " + descriptor().maxBatchSize() + " records, not " + batch.size());
    }
    Set<Object> leads = new HashSet<>();
    for (LeadRecord record : batch) {
      if (!leads.add(Objects.requireNonNull(record, "record").leadId())) {
        throw new IllegalArgumentException("lead " + record.leadId() + " is in the batch twice");
      }
    }
    return Collections.unmodifiableList(List.copyOf(batch));
  }

  private String failure(CallContext context, String what, Throwable e) {
    String errorId = ErrorIds.next();
    LOG.warn("errorId={} connector {} failed in {} for integration {}", errorId, label(), what,
        context.integrationId(), RedactedFailure.of(e, context.redactor()));
    return errorId;
  }

  private String violation(CallContext context, String what) {
    String errorId = ErrorIds.next();
    LOG.warn("errorId={} connector {} broke its contract for integration {}: {}", errorId, label(),
        context.integrationId(), what);
    return errorId;
  }

  private static List<DeliveryOutcome> allRetryable(List<LeadRecord> records, String reason) {
    DeliveryOutcome retry = DeliveryOutcome.retryable(reason);
    return Collections.nCopies(records.size(), retry);
  }

  private String label() {
    return descriptor().id() + " " + descriptor().pluginVersion();
  }

  private void requireOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the lease on " + label() + " is closed");
    }
  }
}
