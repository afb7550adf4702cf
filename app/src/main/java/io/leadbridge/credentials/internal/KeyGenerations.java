package io.leadbridge.credentials.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Keeps this node's {@link DataKeyCache} in step with key changes made elsewhere: another node or a
 * keys command that rotates, rewraps or shreds keys raises the vault's key generation in the
 * database, and this node drops the cached keys the change affects at its next look. Exists so that
 * a destroyed or superseded key does not outlive the change in another node's memory for up to the
 * cache's maximum age. Looks at most once per {@link #LOOK_EVERY}: before a key is taken from the
 * cache once the last look is older, and from the module's timer on an idle node. Thread-safe: one
 * look at a time.
 */
public final class KeyGenerations {

  /** The most a cached key can lag behind a change recorded in the database, and the read rate. */
  public static final Duration LOOK_EVERY = Duration.ofSeconds(1);

  /** Before the first look: whatever is cached then is dropped by it. */
  private static final long UNKNOWN = -1;

  private final Jdbi jdbi;
  private final DataKeyCache cache;
  private final LongSupplier nanoTime;
  private final long lookEveryNanos = LOOK_EVERY.toNanos();
  private final Object lookLock = new Object();
  private long seen = UNKNOWN;
  private volatile boolean looked;
  private volatile long lookedAt;

  public KeyGenerations(Jdbi jdbi, DataKeyCache cache, LongSupplier nanoTime) {
    this.jdbi = jdbi;
    this.cache = cache;
    this.nanoTime = nanoTime;
  }

  /**
   * Drops the cached keys changed since the last look, if that look is {@link #LOOK_EVERY} old;
   * callers that come while a look runs wait for it, so none of them uses a key it drops.
   *
   * @throws RuntimeException if the database cannot be read: no cached key is used unchecked
   */
  public void catchUp() {
    if (looked && !due()) {
      return;
    }
    synchronized (lookLock) {
      if (looked && !due()) {
        return;
      }
      // The look's start is what bounds the lag: a change committed after it is seen next time.
      long startedAt = nanoTime.getAsLong();
      look();
      lookedAt = startedAt;
      looked = true;
    }
  }

  private boolean due() {
    return nanoTime.getAsLong() - lookedAt >= lookEveryNanos;
  }

  private void look() {
    KeyGeneration now = jdbi.withExtension(KeyGenerationDao.class, KeyGenerationDao::current);
    if (now.generation() == seen) {
      return;
    }
    // A counter below what was seen means a restored database: nothing cached can be trusted.
    if (seen == UNKNOWN || now.generation() < seen || now.allTenantsSince() > seen) {
      cache.clear();
    } else {
      long after = seen;
      List<UUID> changed = jdbi.withExtension(KeyGenerationDao.class, d -> d.tenantsChangedAfter(after));
      changed.forEach(cache::invalidate);
    }
    seen = now.generation();
  }
}
