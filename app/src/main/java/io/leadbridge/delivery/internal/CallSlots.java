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
 * The bulkheads: a fixed pool of threads per connector, and a cap on calls in flight per
 * integration inside it, so a connector that hangs uses only its own threads and one tenant's
 * hanging vendor uses only its share of them. A slot is taken before work is claimed and given back
 * when the call's thread is really done (not when it is abandoned), so stuck threads are counted.
 * Thread-safe.
 */
public final class CallSlots {

  private final int threadsPerConnector;
  private final int callsPerIntegration;
  private final ConcurrentMap<String, Pool> pools = new ConcurrentHashMap<>();
  private final ConcurrentMap<UUID, AtomicInteger> perIntegration = new ConcurrentHashMap<>();
  private final Semaphore freed = new Semaphore(0);

  public CallSlots(int threadsPerConnector, int callsPerIntegration) {
    this.threadsPerConnector = threadsPerConnector;
    this.callsPerIntegration = callsPerIntegration;
  }

  /** Takes a slot for one call, or returns false when the connector or the integration is full. */
  public boolean tryTake(String connectorId, UUID integrationId) {
    Pool pool = pool(connectorId);
    if (pool.busy.incrementAndGet() > threadsPerConnector) {
      pool.busy.decrementAndGet();
      return false;
    }
    AtomicInteger calls = perIntegration.computeIfAbsent(integrationId, id -> new AtomicInteger());
    if (calls.incrementAndGet() > callsPerIntegration) {
      calls.decrementAndGet();
      pool.busy.decrementAndGet();
      return false;
    }
    return true;
  }

  /** Whether a slot could be taken now (a cheap look before claiming). */
  public boolean hasRoom(String connectorId, UUID integrationId) {
    AtomicInteger calls = perIntegration.get(integrationId);
    return pool(connectorId).busy.get() < threadsPerConnector && (calls == null || calls.get() < callsPerIntegration);
  }

  /** Gives a slot back after its call, and wakes the dispatcher if it waits for one. */
  public void give(String connectorId, UUID integrationId) {
    giveUnused(connectorId, integrationId);
    freed.release();
  }

  /**
   * Gives back a slot the dispatcher took but did not use (nothing to claim): no wake-up, or a
   * dispatcher that finds nothing would wake itself at once, again and again.
   */
  public void giveUnused(String connectorId, UUID integrationId) {
    perIntegration.get(integrationId).decrementAndGet();
    pool(connectorId).busy.decrementAndGet();
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

  private Pool pool(String connectorId) {
    return pools.computeIfAbsent(connectorId, id -> new Pool(id, threadsPerConnector));
  }

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
