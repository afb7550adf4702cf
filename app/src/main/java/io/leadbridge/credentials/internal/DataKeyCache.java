package io.leadbridge.credentials.internal;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Unwrapped data keys, per tenant and key version, reused until they reach a maximum age or a
 * maximum number of uses; exists so that the key service is called about once per tenant per age
 * window rather than once per read. Thread-safe: concurrent misses for one key share one load.
 *
 * <p>Callers get a copy of the key, which they wipe; an evicted key is wiped in the cache at once.
 * Entries are keyed by tenant, so two tenants never share a cached key.
 */
public final class DataKeyCache {

  private final long maxAgeNanos;
  private final long maxUses;
  private final int maxEntries;
  private final LongSupplier nanoTime;
  private final Counter hits;
  private final Counter misses;
  private final Map<Key, CompletableFuture<Entry>> entries = new ConcurrentHashMap<>();

  public DataKeyCache(Duration maxAge, long maxUses, int maxEntries, MetricRegistry metrics, LongSupplier nanoTime) {
    this.maxAgeNanos = maxAge.toNanos();
    this.maxUses = maxUses;
    this.maxEntries = maxEntries;
    this.nanoTime = nanoTime;
    this.hits = metrics.counter("credentials.cache.hits");
    this.misses = metrics.counter("credentials.cache.misses");
  }

  /**
   * A copy of the tenant's data key of this version, unwrapped by {@code loader} on a miss; the
   * caller wipes it. A loader failure is thrown to every caller waiting for that load and is not
   * cached.
   */
  public byte[] get(UUID tenantId, int version, Supplier<byte[]> loader) {
    Key key = new Key(tenantId, version);
    while (true) {
      CompletableFuture<Entry> mine = new CompletableFuture<>();
      CompletableFuture<Entry> current =
          entries.compute(key, (k, old) -> old != null && !isStale(old) ? old : replace(old, mine));
      if (current == mine) {
        misses.inc();
        load(key, mine, loader);
      } else {
        hits.inc();
      }
      Entry entry = join(current);
      byte[] copy = entry.use(maxUses);
      if (copy != null) {
        return copy;
      }
      entries.remove(key, current);
      entry.wipe();
    }
  }

  /** Forgets and wipes every cached key of a tenant (after rotation or crypto-shredding). */
  public void invalidate(UUID tenantId) {
    entries.entrySet().removeIf(e -> {
      if (!e.getKey().tenantId().equals(tenantId)) {
        return false;
      }
      e.getValue().thenAccept(Entry::wipe);
      return true;
    });
  }

  /** Wipes every expired key; the module calls it periodically so plaintext keys do not linger. */
  public void sweep() {
    entries.entrySet().removeIf(e -> {
      if (!isStale(e.getValue())) {
        return false;
      }
      e.getValue().thenAccept(Entry::wipe);
      return true;
    });
  }

  /** Wipes everything, at shutdown. */
  public void clear() {
    entries.values().forEach(f -> f.thenAccept(Entry::wipe));
    entries.clear();
  }

  /** @return how many keys are cached now, for tests and metrics */
  public int size() {
    return entries.size();
  }

  private CompletableFuture<Entry> replace(CompletableFuture<Entry> old, CompletableFuture<Entry> mine) {
    if (old != null) {
      old.thenAccept(Entry::wipe);
    }
    return mine;
  }

  private void load(Key key, CompletableFuture<Entry> slot, Supplier<byte[]> loader) {
    try {
      slot.complete(new Entry(loader.get(), nanoTime.getAsLong()));
    } catch (RuntimeException | Error e) {
      entries.remove(key, slot);
      slot.completeExceptionally(e);
      throw e;
    }
    if (entries.size() > maxEntries) {
      sweep();
      evictOldestBeyondLimit();
    }
  }

  private void evictOldestBeyondLimit() {
    while (entries.size() > maxEntries) {
      var oldest =
          entries.entrySet().stream()
              .filter(e -> e.getValue().isDone() && !e.getValue().isCompletedExceptionally())
              .min(Comparator.comparingLong(e -> e.getValue().join().loadedAt));
      if (oldest.isEmpty()) {
        return; // everything left is still loading; the next miss trims again
      }
      if (entries.remove(oldest.get().getKey(), oldest.get().getValue())) {
        oldest.get().getValue().join().wipe();
      }
    }
  }

  private boolean isStale(CompletableFuture<Entry> future) {
    if (!future.isDone()) {
      return false;
    }
    if (future.isCompletedExceptionally()) {
      return true;
    }
    Entry entry = future.join();
    return nanoTime.getAsLong() - entry.loadedAt >= maxAgeNanos || entry.exhausted(maxUses);
  }

  private static Entry join(CompletableFuture<Entry> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private record Key(UUID tenantId, int version) {}

  /** One cached key and how often it was handed out. */
  private static final class Entry {
    private final byte[] key;
    private final long loadedAt;
    private final AtomicLong uses = new AtomicLong();
    private volatile boolean wiped;

    Entry(byte[] key, long loadedAt) {
      this.key = key;
      this.loadedAt = loadedAt;
    }

    /** A copy if this entry still has a use left, else null. */
    synchronized byte[] use(long maxUses) {
      if (wiped || uses.incrementAndGet() > maxUses) {
        return null;
      }
      return key.clone();
    }

    boolean exhausted(long maxUses) {
      return wiped || uses.get() >= maxUses;
    }

    synchronized void wipe() {
      wiped = true;
      Arrays.fill(key, (byte) 0);
    }
  }
}
