package io.leadbridge.delivery.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.leadbridge.connector.api.ConnectorDescriptor;
import io.leadbridge.connectors.IntegrationKey;
import io.leadbridge.integrations.DeliveryRoute;
import io.leadbridge.integrations.IntegrationKind;
import io.leadbridge.integrations.IntegrationStatus;
import io.leadbridge.web.SafeFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one claiming thread: each round it reclaims expired leases, releases held work whose
 * reason has gone, then walks the integrations with due work and, for each that may be called now
 * (route accepting, flag on, rate limit free, breaker closed, bulkhead slot free), claims batches
 * while it may and hands them to the connector's threads. Work that may not go now stays in the
 * outbox, so nothing waits in memory. A round that starts nothing sleeps until a call ends, the
 * vendor's rate limit frees, or the poll interval passes, whichever is first. Confined to its own
 * thread.
 */
public final class Dispatcher implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final int INTEGRATIONS_PER_ROUND = 500;
  private static final int WEBHOOK_BATCH = 10;
  private static final Duration CONNECTOR_MISSING_RETRY = Duration.ofSeconds(30);
  private static final Duration RELEASE_EVERY = Duration.ofSeconds(1);

  private final EngineParts parts;
  private final String nodeId;
  private final AtomicLong claims = new AtomicLong();
  private final HeldReleaser releaser;
  private volatile boolean running = true;
  private Instant nextRelease = Instant.EPOCH;
  private Duration untilRateLimitFrees = Duration.ZERO;
  private List<DueIntegration> due = List.of();
  private long nextDueLookNanos = System.nanoTime();

  public Dispatcher(EngineParts parts, String nodeId) {
    this.parts = parts;
    this.nodeId = nodeId;
    this.releaser = new HeldReleaser(parts);
  }

  /** Ends the loop after the current round. */
  public void stop() {
    running = false;
  }

  @Override
  public void run() {
    long pause = parts.config().getPollInterval().toMilliseconds();
    while (running) {
      try {
        if (round() == 0) {
          parts.slots().awaitFreed(Math.max(1, Math.min(pause, untilRateLimitFrees.toMillis())));
        }
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException failure) {
        // A database hiccup must not end delivery: the next round tries again.
        LOG.warn("delivery round failed; retrying in {} ms", pause, SafeFailure.of(failure));
        sleepQuietly(pause);
      }
    }
  }

  /** One round; returns how many batches it started. */
  int round() {
    parts.slots().forgetFreed();
    untilRateLimitFrees = Duration.ofMillis(parts.config().getPollInterval().toMilliseconds());
    Instant now = parts.clock().instant();
    OutboxDao outbox = parts.jdbi().onDemand(OutboxDao.class);
    outbox.reapExpiredLeases(now);
    if (!now.isBefore(nextRelease)) {
      releaser.releaseWhatMayFlow(now);
      nextRelease = now.plus(RELEASE_EVERY);
    }
    // Which integrations have due work is a scan of all due rows (26 ms at 45,000 on the benchmark's
    // PostgreSQL): looked up once per poll interval, not on every wake-up after a call ends. An
    // integration whose work ran out meanwhile just claims nothing.
    if (System.nanoTime() - nextDueLookNanos >= 0) {
      due = outbox.dueIntegrations(now, INTEGRATIONS_PER_ROUND);
      nextDueLookNanos = System.nanoTime() + parts.config().getPollInterval().toNanoseconds();
    }
    int started = 0;
    for (DueIntegration integration : due) {
      if (!running) {
        break;
      }
      // Several batches per integration and round, up to its call cap: one batch per round held a
      // busy integration to one batch per dueIntegrations query, a scan of all due work (benchmark
      // in ops/bench/RESULTS.md, delivery).
      while (running && parts.slots().hasRoom(integration.connectorId(), integration.integrationId())
          && dispatch(outbox, integration, now)) {
        started++;
      }
    }
    return started;
  }

  private boolean dispatch(OutboxDao outbox, DueIntegration due, Instant now) {
    IntegrationKind kind = IntegrationKind.fromColumn(due.kind());
    Optional<DeliveryRoute> found = parts.routes().find(kind, due.integrationId());
    if (found.isEmpty()) {
      outbox.orphanToManual(due.integrationId(), now);
      return false;
    }
    DeliveryRoute route = found.get();
    Optional<String> holdReason = holdReason(route);
    if (holdReason.isPresent()) {
      int held = outbox.holdWaiting(route.integrationId(), holdReason.get(), now);
      parts.meters().mark(route.connectorId(), route.integrationId(), DeliveryMeters.Event.HELD, held);
      return false;
    }
    IntegrationKey key = new IntegrationKey(route.connectorId(), route.tenantId(), route.integrationId());
    Duration wait = parts.limiter().waitFor(key);
    if (!wait.isZero()) {
      untilRateLimitFrees = wait.compareTo(untilRateLimitFrees) < 0 ? wait : untilRateLimitFrees;
      return false;
    }
    Optional<Integer> batchSize = batchSize(route);
    if (batchSize.isEmpty()) {
      outbox.postponeDue(route.integrationId(), now.plus(CONNECTOR_MISSING_RETRY), "connector_unavailable",
          "connector " + route.connectorId() + " is not loaded; retrying", now);
      return false;
    }
    CircuitBreaker breaker = parts.breakers().of(route.connectorId(), route.integrationId());
    if (!breaker.tryAcquirePermission()) {
      return false;
    }
    return claimAndStart(outbox, route, breaker, batchSize.get(), now);
  }

  private boolean claimAndStart(OutboxDao outbox, DeliveryRoute route, CircuitBreaker breaker, int batchSize,
      Instant now) {
    if (!parts.slots().tryTake(route.connectorId(), route.integrationId())) {
      breaker.releasePermission();
      return false;
    }
    String token = nodeId + ":" + claims.incrementAndGet();
    Instant leaseUntil = now.plusMillis(parts.config().getLease().toMilliseconds());
    List<ClaimedDelivery> claimed = List.of();
    try {
      claimed = outbox.claim(route.integrationId(), token, leaseUntil, now, batchSize);
    } finally {
      if (claimed.isEmpty()) {
        parts.slots().giveUnused(route.connectorId(), route.integrationId());
        breaker.releasePermission();
      }
    }
    if (claimed.isEmpty()) {
      return false;
    }
    parts.slots().executor(route.connectorId()).execute(new BatchCall(parts, route, token, claimed, breaker));
    return true;
  }

  /** Why the integration's work must wait, if it must. */
  private Optional<String> holdReason(DeliveryRoute route) {
    if (!route.enabled()) {
      return Optional.of(HeldReleaser.INTEGRATION_DISABLED);
    }
    if (route.status() == IntegrationStatus.PAUSED) {
      return Optional.of(OutcomeRecorder.INTEGRATION_PAUSED);
    }
    // Before the flag: a quarantined plugin is not started, which a derived flag also reads as "off".
    if (route.kind() == IntegrationKind.THIRD_PARTY && parts.registry().isQuarantined(route.connectorId())) {
      return Optional.of(HeldReleaser.CONNECTOR_QUARANTINED);
    }
    if (HeldReleaser.gated(route) && !parts.gate().isEnabled(route.connectorId(), route.tenantId())) {
      return Optional.of(HeldReleaser.CONNECTOR_NOT_ENABLED);
    }
    return Optional.empty();
  }

  private Optional<Integer> batchSize(DeliveryRoute route) {
    if (route.kind() == IntegrationKind.INTERNAL) {
      return Optional.of(WEBHOOK_BATCH);
    }
    return parts.registry().startedDescriptors().stream()
        .filter(d -> d.id().equals(route.connectorId()))
        .map(ConnectorDescriptor::maxBatchSize)
        .findFirst();
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    }
  }
}
