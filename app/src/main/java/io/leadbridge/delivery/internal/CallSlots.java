package io.leadbridge.delivery.internal;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bulkheads: a fixed pool of threads per connector, and inside it a cap on calls in flight per
 * tenant (all its integrations together) and per integration, so a connector that hangs uses only
 * its own threads and one tenant's hanging vendor uses only its share of them, while the other
 * tenants keep the rest. A slot is taken before work is claimed and given back when the call's
 * thread is really done (not when it is abandoned), so stuck threads are counted. Thread-safe.
 */
public final class CallSlots {

  private final int threadsPerConnector;
  private final int callsPerTenant;
  private final int callsPerIntegration;
  private final ConcurrentMap<String, Pool> pools = new ConcurrentHashMap<>();
  private final ConcurrentMap<TenantOnConnector, AtomicInteger> perTenant = new ConcurrentHashMap<>();
  private final ConcurrentMap<UUID, AtomicInteger> perIntegration = new ConcurrentHashMap<>();
  private final Semaphore freed = new Semaphore(0);

  /**
   * @param tenantSharePercent the most of a connector's threads one tenant's calls may hold (at least one thread)
   */
  public CallSlots(int threadsPerConnector, int tenantSharePercent, int callsPerIntegration) {
    this.threadsPerConnector = threadsPerConnector;
    this.callsPerTenant = Math.max(1, threadsPerConnector * tenantSharePercent / 100);
    this.callsPerIntegration = callsPerIntegration;
  }

  /** Takes a slot for one call, or returns false when the connector, the tenant's share or the integration is full. */
  public boolean tryTake(String connectorId, UUID tenantId, UUID integrationId) {
    Pool pool = pool(connectorId);
    if (!takeOne(pool.busy, threadsPerConnector)) {
      return false;
    }
    if (!takeOne(tenant(connectorId, tenantId), callsPerTenant)) {
      pool.busy.decrementAndGet();
      return false;
    }
    if (!takeOne(perIntegration.computeIfAbsent(integrationId, id -> new AtomicInteger()), callsPerIntegration)) {
      tenant(connectorId, tenantId).decrementAndGet();
      pool.busy.decrementAndGet();
      return false;
    }
    return true;
  }

  /** Whether a slot could be taken now (a cheap look before claiming). */
  public boolean hasRoom(String connectorId, UUID tenantId, UUID integrationId) {
    AtomicInteger calls = perIntegration.get(integrationId);
    AtomicInteger tenantCalls = perTenant.get(new TenantOnConnector(connectorId, tenantId));
    return pool(connectorId).busy.get() < threadsPerConnector
        && (tenantCalls == null || tenantCalls.get() < callsPerTenant)
        && (calls == null || calls.get() < callsPerIntegration);
  }

  /** Gives a slot back after its call, and wakes the dispatcher if it waits for one. */
  public void give(String connectorId, UUID tenantId, UUID integrationId) {
    giveUnused(connectorId, tenantId, integrationId);
    freed.release();
  }

  /**
   * Gives back a slot the dispatcher took but did not use (nothing to claim): no wake-up, or a
   * dispatcher that finds nothing would wake itself at once, again and again.
   */
  public void giveUnused(String connectorId, UUID tenantId, UUID integrationId) {
    perIntegration.get(integrationId).decrementAndGet();
    tenant(connectorId, tenantId).decrementAndGet();
    pool(connectorId).busy.decrementAndGet();
  }

  /** Forgets a removed integration's count; it has no call in flight any more. */
  public void forget(UUID integrationId) {
    perIntegration.computeIfPresent(integrationId, (id, calls) -> calls.get() == 0 ? null : calls);
  }

  /** Forgets slots given back so far: the dispatcher calls it before it looks at what it may start. */
  public void forgetFreed() {
    freed.drainPermits();
  }

  /**
   * Waits until a slot is given back (since {@link #forgetFreed}) or the time is up: the dispatcher
   * sleeps here when it could start nothing, so a full integration gets its next batch as soon as a
   * call ends rather than at the next poll.
   */
  public void awaitFreed(long millis) throws InterruptedException {
    freed.tryAcquire(millis, TimeUnit.MILLISECONDS);
  }

  /** The connector's threads; a task may only be submitted with a slot taken. */
  public ExecutorService executor(String connectorId) {
    return pool(connectorId).executor;
  }

  /** Calls in flight per connector, for metrics. */
  public int busy(String connectorId) {
    return pool(connectorId).busy.get();
  }

  /** Stops every pool, interrupting running calls after {@code grace}. */
  public void shutdown(long graceMillis) throws InterruptedException {
    for (Pool pool : pools.values()) {
      pool.executor.shutdown();
    }
    for (Pool pool : pools.values()) {
      if (!pool.executor.awaitTermination(graceMillis, TimeUnit.MILLISECONDS)) {
        pool.executor.shutdownNow();
      }
    }
  }

  private static boolean takeOne(AtomicInteger taken, int max) {
    if (taken.incrementAndGet() > max) {
      taken.decrementAndGet();
      return false;
    }
    return true;
  }

  private AtomicInteger tenant(String connectorId, UUID tenantId) {
    return perTenant.computeIfAbsent(new TenantOnConnector(connectorId, tenantId), key -> new AtomicInteger());
  }

  private Pool pool(String connectorId) {
    return pools.computeIfAbsent(connectorId, id -> new Pool(id, threadsPerConnector));
  }

  /** Whose calls count against a tenant's share of one connector's threads; immutable. */
  private record TenantOnConnector(String connectorId, UUID tenantId) {}

  /** One connector's threads and how many are taken. Thread-safe. */
  private static final class Pool {
    final AtomicInteger busy = new AtomicInteger();
    final ThreadPoolExecutor executor;

    Pool(String connectorId, int threads) {
      AtomicInteger number = new AtomicInteger();
      executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
          task -> {
            Thread thread = new Thread(task, "delivery-" + connectorId + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
      executor.allowCoreThreadTimeOut(true);
    }
  }
}
