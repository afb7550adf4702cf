package io.leadbridge.delivery.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.leadbridge.connector.api.DeliveryOutcome;
import io.leadbridge.connector.api.DeliveryOutcome.AuthFailed;
import io.leadbridge.connector.api.DeliveryOutcome.Delivered;
import io.leadbridge.connector.api.DeliveryOutcome.Rejected;
import io.leadbridge.connector.api.DeliveryOutcome.Retryable;
import io.leadbridge.connector.api.lead.LeadRecord;
import io.leadbridge.connectors.CallTarget;
import io.leadbridge.connectors.ConnectorLease;
import io.leadbridge.delivery.internal.DeliveryMeters.Event;
import io.leadbridge.integrations.DeliveryRoute;
import io.leadbridge.integrations.DuplicatePolicy;
import io.leadbridge.leads.DeliverableLead;
import io.leadbridge.web.ErrorIds;
import io.leadbridge.web.SafeFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call: a claimed batch of one integration sent through a lease on its connector (a plugin or
 * a built-in one such as the webhook connector) on the connector's bulkhead thread, interrupted at
 * the call timeout, its outcomes recorded, the breaker and metrics told, and the slot given back.
 * Runs once; confined to its thread.
 */
final class BatchCall implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(BatchCall.class);

  private final EngineParts parts;
  private final OutcomeRecorder recorder;
  private final DeliveryRoute route;
  private final String token;
  private final List<ClaimedDelivery> claimed;
  private final CircuitBreaker breaker;
  private final Object alarmLock = new Object();
  private boolean calling;

  BatchCall(EngineParts parts, DeliveryRoute route, String token, List<ClaimedDelivery> claimed, CircuitBreaker breaker) {
    this.parts = parts;
    this.recorder = new OutcomeRecorder(parts);
    this.route = route;
    this.token = token;
    this.claimed = List.copyOf(claimed);
    this.breaker = breaker;
  }

  @Override
  public void run() {
    long start = System.nanoTime();
    try {
      List<DeliveryOutcome> outcomes = callWithTimeout();
      parts.meters().latency(route.connectorId(), route.integrationId(), Duration.ofNanos(System.nanoTime() - start));
      // Paused before its deliveries show as held, so whoever sees them held also sees why.
      pauseIfRefused(outcomes);
      Map<Event, Integer> counts = recorder.record(token, claimed, outcomes);
      counts.forEach((event, count) -> parts.meters().mark(route.connectorId(), route.integrationId(), event, count));
      tellBreaker(outcomes, start);
    } catch (Throwable failure) {
      // The outcomes could not be written: the lease runs out and the batch is delivered again.
      // Errors too: a bulkhead thread must outlive whatever one call does.
      LOG.error("delivery batch for integration {} could not be recorded, errorId={}",
          route.integrationId(), ErrorIds.next(), SafeFailure.of(failure));
      breaker.releasePermission();
    } finally {
      parts.slots().give(route.connectorId(), route.tenantId(), route.integrationId());
    }
  }

  private List<DeliveryOutcome> callWithTimeout() {
    Thread caller = Thread.currentThread();
    Duration timeout = Duration.ofMillis(parts.config().getCallTimeout().toMilliseconds());
    Instant deadline = parts.clock().instant().plus(timeout);
    synchronized (alarmLock) {
      calling = true;
    }
    ScheduledFuture<?> alarm = parts.watchdog().schedule(() -> interruptIfCalling(caller), timeout.toMillis(),
        TimeUnit.MILLISECONDS);
    try {
      return call(deadline);
    } catch (Throwable failure) {
      String errorId = ErrorIds.next();
      LOG.warn("delivery call for integration {} failed, errorId={}", route.integrationId(), errorId,
          SafeFailure.of(failure));
      return allRetryable("delivery call failed (errorId " + errorId + ")");
    } finally {
      synchronized (alarmLock) {
        calling = false;
      }
      alarm.cancel(false);
      Thread.interrupted();
    }
  }

  private void interruptIfCalling(Thread caller) {
    synchronized (alarmLock) {
      if (calling) {
        caller.interrupt();
      }
    }
  }

  private List<DeliveryOutcome> call(Instant deadline) {
    Map<UUID, DeliverableLead> leads = parts.leads().forDelivery(claimed.stream().map(ClaimedDelivery::leadId).toList());
    Instant tooOld = parts.clock().instant().minusMillis(parts.config().getMaxAge().toMilliseconds());
    List<DeliveryOutcome> outcomes = new ArrayList<>(claimed.size());
    List<Integer> toSend = new ArrayList<>();
    for (int i = 0; i < claimed.size(); i++) {
      ClaimedDelivery delivery = claimed.get(i);
      if (delivery.createdAt().isBefore(tooOld)) {
        outcomes.add(DeliveryOutcome.rejected("max_age_exceeded", "not delivered within the maximum age"));
      } else if (!leads.containsKey(delivery.leadId())) {
        outcomes.add(DeliveryOutcome.rejected("lead_missing", "the lead is no longer stored"));
      } else {
        outcomes.add(null);
        toSend.add(i);
      }
    }
    if (toSend.isEmpty()) {
      return outcomes;
    }
    List<DeliverableLead> batch = toSend.stream().map(i -> leads.get(claimed.get(i).leadId())).toList();
    List<Boolean> redeliveries = toSend.stream().map(i -> claimed.get(i).attempts() > 0).toList();
    List<DeliveryOutcome> sent = viaConnector(batch, redeliveries, deadline);
    for (int j = 0; j < toSend.size(); j++) {
      outcomes.set(toSend.get(j), sent.get(j));
    }
    return outcomes;
  }

  /** @param redeliveries per lead, whether an earlier attempt was made (which may have arrived) */
  private List<DeliveryOutcome> viaConnector(List<DeliverableLead> batch, List<Boolean> redeliveries, Instant deadline) {
    Optional<ConnectorLease> lease = parts.registry().started(route.connectorId(), deadline);
    if (lease.isEmpty()) {
      return batch.stream().map(l -> (DeliveryOutcome) DeliveryOutcome.retryable("connector " + route.connectorId()
          + " is not loaded")).toList();
    }
    try (ConnectorLease connector = lease.get()) {
      CallTarget target = new CallTarget(route.tenantId(), route.integrationId(), route.baseUrl(), route.settings(),
          route.account());
      // An integration that marks duplicates gets them with a custom field naming the first lead.
      boolean marks = route.duplicates() == DuplicatePolicy.DELIVER_MARKED;
      List<LeadRecord> records = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        DeliverableLead lead = batch.get(i);
        LeadRecord record = marks ? lead.markedDuplicate().orElse(lead.record()) : lead.record();
        records.add(redeliveries.get(i) ? record.asRedelivery() : record);
      }
      return connector.deliver(target, records);
    }
  }

  private List<DeliveryOutcome> allRetryable(String reason) {
    return claimed.stream().map(c -> (DeliveryOutcome) DeliveryOutcome.retryable(reason)).toList();
  }

  private void tellBreaker(List<DeliveryOutcome> outcomes, long start) {
    boolean answered = outcomes.stream().anyMatch(o -> o instanceof Delivered || o instanceof Rejected);
    boolean allFailed = outcomes.stream().allMatch(o -> o instanceof Retryable);
    if (answered) {
      IntegrationBreakers.success(breaker, start);
    } else if (allFailed) {
      IntegrationBreakers.failure(breaker, start, new VendorCallFailed());
    } else {
      breaker.releasePermission();
    }
  }

  private void pauseIfRefused(List<DeliveryOutcome> outcomes) {
    outcomes.stream().filter(AuthFailed.class::isInstance).map(AuthFailed.class::cast).findFirst()
        .ifPresent(refused -> parts.routes().pause(route.kind(), route.integrationId(), refused.message()));
  }

  /** What the breaker records for a batch that got no answer; carries no vendor text. */
  private static final class VendorCallFailed extends RuntimeException {
    VendorCallFailed() {
      super("every delivery of the batch failed retryably", null, false, false);
    }
  }
}
