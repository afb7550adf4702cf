package io.leadbridge.connectors.internal;

import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connector.api.CredentialUnavailableException;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connectors.CallTarget;
import io.leadbridge.connectors.ConnectorLease;
import io.leadbridge.web.ErrorIds;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ConnectorLease} on one {@link LoadedConnector}: runs each call in a fresh
 * {@link CallContext}, turns whatever the plugin throws ({@code Error}s included) or returns wrong
 * into a failed check or retryable outcomes (logged once with an error id and redacted messages),
 * cleans every text the plugin returns ({@link ReturnedTexts}), measures each call against its
 * budget ({@link CallBudgets}), retries the batch-mates of a delivery that threw one by one, counts
 * errors and breaches towards {@link Quarantine}, and gives the version back on close. Thread-safe.
 */
final class Lease implements ConnectorLease {

  private static final Logger LOG = LoggerFactory.getLogger(Lease.class);

  private final LoadedConnector connector;
  private final CallContexts contexts;
  private final Quarantine quarantine;
  private final CallBudgets budgets;
  private final Instant deadline;
  private final AtomicBoolean closed = new AtomicBoolean();

  Lease(LoadedConnector connector, CallContexts contexts, Quarantine quarantine, CallBudgets budgets, Instant deadline) {
    this.connector = connector;
    this.contexts = contexts;
    this.quarantine = quarantine;
    this.budgets = budgets;
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
      Called<CheckResult> called = call(context, "check", () -> connector.connector().check(context));
      if (called.failure() instanceof CredentialUnavailableException unavailable) {
        return CheckResult.failure(unavailable(unavailable, context));
      }
      if (called.failure() != null) {
        return CheckResult.failure("connector " + label() + " failed to check (errorId " + called.errorId() + ")");
      }
      if (called.value() == null) {
        return CheckResult.failure("connector " + label() + " failed to check (errorId " + violation(context, "check returned null") + ")");
      }
      return ReturnedTexts.check(called.value(), context.redactor());
    } finally {
      context.end();
    }
  }

  @Override
  public List<DeliveryOutcome> deliver(CallTarget target, List<LeadRecord> batch) {
    requireOpen();
    Objects.requireNonNull(target, "target");
    List<LeadRecord> records = LeaseBatches.checked(descriptor(), batch);
    if (connector.isUnloaded()) {
      return LeaseBatches.allRetryable(records, "connector " + label() + " has been unloaded");
    }
    CallContext context;
    try {
      context = contexts.create(descriptor(), target, deadline);
    } catch (IllegalArgumentException e) {
      return LeaseBatches.allRetryable(records, "the integration does not fit connector " + label() + ": " + e.getMessage());
    }
    try {
      return deliverIn(context, records, true);
    } finally {
      context.end();
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      connector.release();
    }
  }

  /**
   * One deliver call in {@code context}. When the plugin throws for a batch of several records and
   * {@code isolate} allows, each record is tried again alone, so one poison lead cannot hold its
   * batch-mates back.
   */
  private List<DeliveryOutcome> deliverIn(CallContext context, List<LeadRecord> records, boolean isolate) {
    Called<List<DeliveryOutcome>> called = call(context, "deliver", () -> connector.connector().deliver(records, context));
    if (called.failure() instanceof CredentialUnavailableException unavailable) {
      return LeaseBatches.allRetryable(records, unavailable(unavailable, context));
    }
    if (called.failure() != null) {
      if (isolate && records.size() > 1) {
        return oneByOne(context, records);
      }
      return LeaseBatches.allRetryable(records, "connector " + label() + " failed (errorId " + called.errorId() + ")");
    }
    List<DeliveryOutcome> outcomes = called.value();
    if (outcomes == null || outcomes.size() != records.size() || outcomes.stream().anyMatch(Objects::isNull)) {
      String errorId = violation(context, "deliver returned " + (outcomes == null ? "null"
          : outcomes.size() + " outcomes (or a null one) for " + records.size() + " records"));
      return LeaseBatches.allRetryable(records, "connector " + label() + " broke the outcome contract (errorId " + errorId + ")");
    }
    return outcomes.stream().map(outcome -> ReturnedTexts.outcome(outcome, context.redactor())).toList();
  }

  private List<DeliveryOutcome> oneByOne(CallContext context, List<LeadRecord> records) {
    Clock clock = context.clock();
    List<DeliveryOutcome> outcomes = new ArrayList<>(records.size());
    for (LeadRecord record : records) {
      boolean mayGoOn = !Thread.currentThread().isInterrupted() && clock.instant().isBefore(deadline)
          && !quarantine.isQuarantined(connector) && !connector.isUnloaded();
      outcomes.addAll(mayGoOn ? deliverIn(context, List.of(record), false)
          : List.of(DeliveryOutcome.retryable("connector " + label() + " failed on this lead's batch; not tried alone yet")));
    }
    return outcomes;
  }

  /**
   * Runs plugin code, measured against its budget; whatever it throws — or a call over budget — is
   * caught here, logged once and counted.
   */
  private <T> Called<T> call(CallContext context, String what, Supplier<T> code) {
    CallBudgets.Metered metered = budgets.start(descriptor().id());
    T value = null;
    Throwable failure = null;
    try {
      value = connector.withPluginContext(code);
    } catch (Throwable thrown) {
      failure = thrown;
    }
    Optional<String> breach = metered.stop(failure != null && !(failure instanceof CredentialUnavailableException));
    if (breach.isPresent()) {
      // The monitor interrupted the call: the interrupt was for it, not for what comes next.
      Thread.interrupted();
      failure = new CallBudgets.OverBudget(breach.get());
    }
    if (failure == null || failure instanceof CredentialUnavailableException) {
      // A vault's refusal is not the plugin's failure: it neither counts nor is logged as one.
      quarantine.returned(connector);
      return new Called<>(value, failure, null);
    }
    String errorId = failure(context, what, failure);
    quarantine.threw(connector, failure, shown(failure, context));
    return new Called<>(null, failure, errorId);
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

  /** A failure as it may be shown: its type and redacted message, on one line. */
  private static String shown(Throwable failure, CallContext context) {
    String message = Causes.messageOf(failure);
    return Causes.oneLine(failure.getClass().getSimpleName()
        + (message == null ? "" : ": " + context.redactor().redact(message)));
  }

  private static String unavailable(CredentialUnavailableException e, CallContext context) {
    return "credentials unavailable: " + Causes.oneLine(context.redactor().redact(String.valueOf(Causes.messageOf(e))));
  }

  private String label() {
    return descriptor().id() + " " + descriptor().pluginVersion();
  }

  private void requireOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the lease on " + label() + " is closed");
    }
  }

  /** What one plugin call gave: a value, or the failure and the error id it was logged under; immutable. */
  private record Called<T>(T value, Throwable failure, String errorId) {}
}
