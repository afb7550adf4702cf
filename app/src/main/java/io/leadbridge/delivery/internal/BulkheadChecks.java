package io.leadbridge.delivery.internal;

import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connectors.IntegrationKey;
import io.leadbridge.delivery.VendorRateLimiter;
import io.leadbridge.integrations.CheckRunner;
import io.leadbridge.integrations.IntegrationException;
import io.leadbridge.web.ErrorIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs integration checks as deliveries run: one call slot on the connector's bulkhead (waited for
 * at most until the check's deadline), the integration's rate limit respected, the call interrupted
 * at {@code delivery.checkTimeout}, and one check per integration at a time; the request thread
 * only waits. Thread-safe.
 */
public final class BulkheadChecks implements CheckRunner {

  private static final Logger LOG = LoggerFactory.getLogger(BulkheadChecks.class);
  private static final long SLOT_POLL_MILLIS = 50;

  private final CallSlots slots;
  private final VendorRateLimiter limiter;
  private final Clock clock;
  private final Duration timeout;
  private final Set<UUID> running = ConcurrentHashMap.newKeySet();

  public BulkheadChecks(CallSlots slots, VendorRateLimiter limiter, Clock clock, Duration timeout) {
    this.slots = slots;
    this.limiter = limiter;
    this.clock = clock;
    this.timeout = timeout;
  }

  @Override
  public CheckResult run(String connectorId, UUID tenantId, UUID integrationId, Function<Instant, CheckResult> check) {
    if (!running.add(integrationId)) {
      throw new IntegrationException.CheckInProgress();
    }
    Instant deadline = clock.instant().plus(timeout);
    boolean handedOver = false;
    try {
      Duration wait = limiter.waitFor(new IntegrationKey(connectorId, tenantId, integrationId));
      if (clock.instant().plus(wait).isAfter(deadline)) {
        return CheckResult.failure("the vendor's rate limit for this integration frees in " + Math.max(1, wait.toSeconds())
            + " s; check again then");
      }
      if (!takeSlot(connectorId, tenantId, integrationId, deadline)) {
        throw new IntegrationException.CheckTimedOut();
      }
      AtomicBoolean started = new AtomicBoolean();
      Future<CheckResult> call = slots.executor(connectorId).submit(() -> {
        if (!started.compareAndSet(false, true)) {
          return null;
        }
        try {
          return check.apply(deadline);
        } finally {
          slots.give(connectorId, tenantId, integrationId);
          running.remove(integrationId);
        }
      });
      handedOver = true;
      return await(call, started, connectorId, tenantId, integrationId, deadline);
    } finally {
      if (!handedOver) {
        running.remove(integrationId);
      }
    }
  }

  private CheckResult await(Future<CheckResult> call, AtomicBoolean started, String connectorId, UUID tenantId,
      UUID integrationId, Instant deadline) {
    try {
      CheckResult result = call.get(Math.max(1, Duration.between(clock.instant(), deadline).toMillis()), TimeUnit.MILLISECONDS);
      return result == null ? CheckResult.failure("the check returned nothing") : result;
    } catch (TimeoutException late) {
      call.cancel(true);
      if (started.compareAndSet(false, true)) {
        // Never started: its slot and its turn are given back here, not by the task.
        slots.give(connectorId, tenantId, integrationId);
        running.remove(integrationId);
      }
      throw new IntegrationException.CheckTimedOut();
    } catch (ExecutionException failed) {
      String errorId = ErrorIds.next();
      LOG.warn("errorId={} the check of integration {} failed: {}", errorId, integrationId,
          failed.getCause() == null ? "unknown" : failed.getCause().getClass().getName());
      return CheckResult.failure("the check failed (errorId " + errorId + ")");
    } catch (InterruptedException interrupted) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw new IntegrationException.CheckTimedOut();
    }
  }

  private boolean takeSlot(String connectorId, UUID tenantId, UUID integrationId, Instant deadline) {
    while (!slots.tryTake(connectorId, tenantId, integrationId)) {
      if (!clock.instant().plusMillis(SLOT_POLL_MILLIS).isBefore(deadline)) {
        return false;
      }
      try {
        Thread.sleep(SLOT_POLL_MILLIS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
