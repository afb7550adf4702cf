package io.leadbridge.delivery.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.leadbridge.integrations.DeliveryRoute;
import io.leadbridge.integrations.IntegrationKind;
import io.leadbridge.integrations.IntegrationStatus;
import io.leadbridge.web.SafeFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one claiming thread: each round it reclaims expired leases, releases held work whose
 * reason has gone, then walks a page of the integrations with due work (tenants taking turns, the
 * page moving on round the whole due list, {@link DueRotation}) and, for each that may be called
 * now (route accepting, flag on, vendor budget free, breaker closed on every node, a bulkhead slot
 * free in its tenant's share), claims batches while it may and hands them to the connector's
 * threads. Work that may not go now stays in the outbox, so nothing waits in memory; an integration
 * that may not go for a second or more (budget spent, breaker open, the vendor's pause) is not
 * looked at again until then, and for a minute or more its rows' next attempt is pushed to when
 * they may go, so they leave the due list. A round that starts nothing
 * sleeps until a call ends, the vendor's rate limit frees, or the poll interval passes, whichever
 * is first. Confined to its own thread.
 */
public final class Dispatcher implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final int INTEGRATIONS_PER_ROUND = 500;
  /** A wait at least this long keeps the dispatcher from looking at the integration again until it ends. */
  static final Duration SKIP_AT_LEAST = Duration.ofSeconds(1);
  /**
   * A wait at least this long (a daily limit, a long {@code Retry-After}, a breaker kept open) also
   * pushes the integration's due rows back: a write of every due row, too dear for the few seconds a
   * busy integration waits for its window (100,000 rows rewritten each time the window filled).
   */
  static final Duration DEFER_ROWS_AT_LEAST = Duration.ofMinutes(1);
  private static final Duration CONNECTOR_MISSING_RETRY = Duration.ofSeconds(30);
  private static final Duration RELEASE_EVERY = Duration.ofSeconds(1);
  /** How often the node forgets what it keeps of integrations removed meanwhile (breakers, metrics). */
  static final Duration SWEEP_EVERY = Duration.ofSeconds(10);

  private final EngineParts parts;
  private final String nodeId;
  private final AtomicLong claims = new AtomicLong();
  private final HeldReleaser releaser;
  private volatile boolean running = true;
  private Instant nextRelease = Instant.EPOCH;
  private Instant nextSweep = Instant.EPOCH;
  private Duration untilRateLimitFrees = Duration.ZERO;
  private List<DueIntegration> due = List.of();
  private Map<UUID, Duration> openBreakers = Map.of();
  private Set<DeliveryPacing.Account> accountsInUse = Set.of();
  /** Integrations this node knows may not go before then; looked at again only after. */
  private final Map<UUID, Instant> blockedUntil = new HashMap<>();
  /** The routes of the page's integrations, read with the page: at most a poll interval old. */
  private Map<UUID, DeliveryRoute> routes = Map.of();
  private final DueRotation rotation = new DueRotation(INTEGRATIONS_PER_ROUND);
  private Instant nextDueLook = Instant.EPOCH;

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
    Instant now = parts.clock().instant();
    Duration pollInterval = Duration.ofMillis(parts.config().getPollInterval().toMilliseconds());
    untilRateLimitFrees = pollInterval;
    OutboxDao outbox = parts.jdbi().onDemand(OutboxDao.class);
    outbox.reapExpiredLeases(now);
    if (!now.isBefore(nextRelease)) {
      releaser.releaseWhatMayFlow(now);
      nextRelease = now.plus(RELEASE_EVERY);
    }
    if (!now.isBefore(nextSweep)) {
      forgetRemovedIntegrations();
      nextSweep = now.plus(SWEEP_EVERY);
    }
    // Which integrations have due work is a scan of all due rows (26 ms at 45,000 on the benchmark's
    // PostgreSQL): looked up once per poll interval, not on every wake-up after a call ends. An
    // integration whose work ran out meanwhile just claims nothing.
    // Also when the clock went back by more than an interval: the next look must not wait for it to catch up.
    if (!now.isBefore(nextDueLook) || nextDueLook.isAfter(now.plus(pollInterval))) {
      blockedUntil.values().removeIf(until -> !until.isAfter(now));
      due = rotation.next((after, limit) -> outbox.dueIntegrations(now, after, limit));
      routes = routesOf(due);
      openBreakers = parts.limiter().pacing().openBreakers();
      accountsInUse = parts.limiter().accountsInUse();
      nextDueLook = now.plus(pollInterval);
    }
    int started = 0;
    for (Iterator<DueIntegration> page = due.iterator(); page.hasNext() && running; ) {
      DueIntegration integration = page.next();
      // Several batches per integration and round, up to its call cap: one batch per round held a
      // busy integration to one batch per dueIntegrations query, a scan of all due work (benchmark
      // in ops/bench/RESULTS.md, delivery).
      Turn turn = Turn.MORE;
      while (running && turn == Turn.MORE && parts.slots().hasRoom(integration.connectorId(), integration.tenantId(),
          integration.integrationId())) {
        turn = dispatch(outbox, integration, now);
        started += turn.started;
      }
      // Looked at again in later rounds of this page only while it has work that may go soon; one
      // that ran out, was held or pushed back would cost a route lookup and a claim each round.
      if (turn == Turn.DRAINED || turn == Turn.DONE) {
        page.remove();
      }
    }
    return started;
  }

  /** What one look at an integration came to. */
  private enum Turn {
    /** A full batch started: there may be more. */
    MORE(1),
    /** The last of its due work started. */
    DRAINED(1),
    /** Nothing now, but maybe soon: no slot, a short rate-limit wait, its breaker's trial taken. */
    LATER(0),
    /** Nothing until the due list is read again: held, pushed back, removed, or no due work left. */
    DONE(0);

    final int started;

    Turn(int started) {
      this.started = started;
    }
  }

  private Turn dispatch(OutboxDao outbox, DueIntegration due, Instant now) {
    Instant blocked = blockedUntil.get(due.integrationId());
    if (blocked != null && blocked.isAfter(now)) {
      return Turn.DONE;
    }
    DeliveryRoute route = routes.get(due.integrationId());
    if (route == null) {
      outbox.orphanToManual(due.integrationId(), now);
      parts.forget(due.connectorId(), due.integrationId());
      return Turn.DONE;
    }
    Optional<String> holdReason = holdReason(route);
    if (holdReason.isPresent()) {
      int held = outbox.holdWaiting(route.integrationId(), holdReason.get(), now);
      parts.meters().mark(route.connectorId(), route.integrationId(), DeliveryMeters.Event.HELD, held);
      return Turn.DONE;
    }
    Duration open = openBreakers.get(route.integrationId());
    if (open != null) {
      return blocked(outbox, route, open, now);
    }
    boolean mayBeHeldBack = accountsInUse.contains(DeliveryPacing.Account.of(route.key()))
        || parts.limiter().usedSinceLastLook(route.key());
    Duration wait = mayBeHeldBack ? parts.limiter().waitFor(route.key()) : Duration.ZERO;
    if (wait.compareTo(SKIP_AT_LEAST) >= 0) {
      return blocked(outbox, route, wait, now);
    }
    if (!wait.isZero()) {
      untilRateLimitFrees = wait.compareTo(untilRateLimitFrees) < 0 ? wait : untilRateLimitFrees;
      return Turn.LATER;
    }
    Optional<Integer> batchSize = batchSize(route);
    if (batchSize.isEmpty()) {
      outbox.postponeDue(route.integrationId(), now.plus(CONNECTOR_MISSING_RETRY), "connector_unavailable",
          "connector " + route.connectorId() + " is not loaded; retrying", now);
      return Turn.DONE;
    }
    CircuitBreaker breaker = parts.breakers().of(route.connectorId(), route.integrationId());
    if (!breaker.tryAcquirePermission()) {
      return Turn.LATER;
    }
    return claimAndStart(outbox, route, breaker, batchSize.get(), now);
  }

  /** The integration may not go for {@code wait}: not looked at until then, and its rows pushed back if that is long. */
  private Turn blocked(OutboxDao outbox, DeliveryRoute route, Duration wait, Instant now) {
    blockedUntil.put(route.integrationId(), now.plus(wait));
    if (wait.compareTo(DEFER_ROWS_AT_LEAST) >= 0) {
      outbox.deferDue(route.integrationId(), now.plus(wait), now);
    }
    return Turn.DONE;
  }

  private Turn claimAndStart(OutboxDao outbox, DeliveryRoute route, CircuitBreaker breaker, int batchSize,
      Instant now) {
    if (!parts.slots().tryTake(route.connectorId(), route.tenantId(), route.integrationId())) {
      breaker.releasePermission();
      return Turn.LATER;
    }
    String token = nodeId + ":" + claims.incrementAndGet();
    Instant leaseUntil = now.plusMillis(parts.config().getLease().toMilliseconds());
    List<ClaimedDelivery> claimed = List.of();
    try {
      claimed = outbox.claim(route.integrationId(), token, leaseUntil, now, batchSize);
    } finally {
      if (claimed.isEmpty()) {
        parts.slots().giveUnused(route.connectorId(), route.tenantId(), route.integrationId());
        breaker.releasePermission();
      }
    }
    if (claimed.isEmpty()) {
      return Turn.DONE;
    }
    parts.slots().executor(route.connectorId()).execute(new BatchCall(parts, route, token, claimed, breaker));
    return claimed.size() < batchSize ? Turn.DRAINED : Turn.MORE;
  }

  /**
   * Forgets the breakers and metrics of integrations removed since they were called: without work
   * waiting they never come up in the due list, and their series would stay on every node for good.
   */
  private void forgetRemovedIntegrations() {
    Map<UUID, String> known = parts.breakers().known();
    Set<UUID> existing = parts.routes().existing(known.keySet());
    known.forEach((id, connectorId) -> {
      if (!existing.contains(id)) {
        parts.forget(connectorId, id);
      }
    });
  }

  /** One query per integration kind for the whole page, not one per integration and dispatch. */
  private Map<UUID, DeliveryRoute> routesOf(List<DueIntegration> page) {
    Map<UUID, DeliveryRoute> found = new HashMap<>();
    page.stream().collect(Collectors.groupingBy(d -> IntegrationKind.fromColumn(d.kind()),
            Collectors.mapping(DueIntegration::integrationId, Collectors.toList())))
        .forEach((kind, ids) -> found.putAll(parts.routes().findAll(kind, ids)));
    return found;
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
    if (parts.registry().isQuarantined(route.connectorId())) {
      return Optional.of(HeldReleaser.CONNECTOR_QUARANTINED);
    }
    // A built-in connector is part of the hub: no flag rolls it out.
    if (!parts.registry().isBuiltIn(route.connectorId()) && !parts.gate().isEnabled(route.connectorId(), route.tenantId())) {
      return Optional.of(HeldReleaser.CONNECTOR_NOT_ENABLED);
    }
    return Optional.empty();
  }

  private Optional<Integer> batchSize(DeliveryRoute route) {
    return parts.registry().descriptor(route.connectorId())
        .map(d -> Math.min(d.maxBatchSize(), parts.config().getMaxBatchSize()));
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    }
  }
}
