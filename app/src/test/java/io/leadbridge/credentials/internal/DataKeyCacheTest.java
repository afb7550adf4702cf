package io.leadbridge.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The data-key cache: age and use limits, per-tenant keys, one load per miss, wiping. */
class DataKeyCacheTest {

  private final AtomicLong now = new AtomicLong();
  private final MetricRegistry metrics = new MetricRegistry();
  private final AtomicInteger loads = new AtomicInteger();

  private DataKeyCache cache(Duration maxAge, long maxUses) {
    return new DataKeyCache(maxAge, maxUses, 1000, metrics, now::get);
  }

  private Supplier<byte[]> loader(byte value) {
    return () -> {
      loads.incrementAndGet();
      byte[] key = new byte[32];
      Arrays.fill(key, value);
      return key;
    };
  }

  @Test
  void aWarmKeyIsServedWithoutLoadingAgainAndCallersGetCopies() {
    DataKeyCache cache = cache(Duration.ofMinutes(5), 1000);
    UUID tenant = UUID.randomUUID();

    byte[] first = cache.get(tenant, 1, loader((byte) 7));
    first[0] = 0;
    byte[] second = cache.get(tenant, 1, loader((byte) 9));

    assertThat(loads).hasValue(1);
    assertThat(second).containsOnly((byte) 7);
    assertThat(metrics.counter("credentials.cache.hits").getCount()).isEqualTo(1);
    assertThat(metrics.counter("credentials.cache.misses").getCount()).isEqualTo(1);
  }

  @Test
  void aKeyOlderThanMaxAgeIsLoadedAgain() {
    DataKeyCache cache = cache(Duration.ofMinutes(5), 1000);
    UUID tenant = UUID.randomUUID();
    cache.get(tenant, 1, loader((byte) 1));

    now.addAndGet(Duration.ofMinutes(5).minusNanos(1).toNanos());
    cache.get(tenant, 1, loader((byte) 1));
    assertThat(loads).hasValue(1);
    now.addAndGet(1);
    cache.get(tenant, 1, loader((byte) 1));
    assertThat(loads).hasValue(2);
  }

  @Test
  void aKeyUsedMaxUsesTimesIsLoadedAgain() {
    DataKeyCache cache = cache(Duration.ofMinutes(5), 3);
    UUID tenant = UUID.randomUUID();
    for (int i = 0; i < 7; i++) {
      cache.get(tenant, 1, loader((byte) 1));
    }
    assertThat(loads).hasValue(3);
  }

  @Test
  void tenantsAndVersionsNeverShareACachedKey() {
    DataKeyCache cache = cache(Duration.ofMinutes(5), 1000);
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();

    assertThat(cache.get(a, 1, loader((byte) 1))).containsOnly((byte) 1);
    assertThat(cache.get(b, 1, loader((byte) 2))).containsOnly((byte) 2);
    assertThat(cache.get(a, 2, loader((byte) 3))).containsOnly((byte) 3);
    assertThat(cache.get(a, 1, loader((byte) 9))).containsOnly((byte) 1);
    assertThat(loads).hasValue(3);
  }

  @Test
  void concurrentMissesForOneKeyShareOneLoad() throws Exception {
    DataKeyCache cache = cache(Duration.ofMinutes(5), 1_000_000);
    UUID tenant = UUID.randomUUID();
    CountDownLatch release = new CountDownLatch(1);
    Supplier<byte[]> slowLoader = () -> {
      loads.incrementAndGet();
      try {
        release.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new byte[32];
    };
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<byte[]>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(() -> cache.get(tenant, 1, slowLoader)));
      }
      Thread.sleep(200);
      release.countDown();
      for (Future<byte[]> result : results) {
        assertThat(result.get(5, TimeUnit.SECONDS)).hasSize(32);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(loads).hasValue(1);
  }

  @Test
  void aFailedLoadIsThrownAndNotCached() {
    DataKeyCache cache = cache(Duration.ofMinutes(5), 1000);
    UUID tenant = UUID.randomUUID();

    assertThatThrownBy(() -> cache.get(tenant, 1, () -> {
          throw new IllegalStateException("kms down");
        }))
        .hasMessage("kms down");
    assertThat(cache.get(tenant, 1, loader((byte) 4))).containsOnly((byte) 4);
  }

  @Test
  void invalidatingATenantAndSweepingExpiredKeysEmptyTheCache() {
    DataKeyCache cache = cache(Duration.ofMinutes(5), 1000);
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    cache.get(a, 1, loader((byte) 1));
    cache.get(b, 1, loader((byte) 2));

    cache.invalidate(a);
    assertThat(cache.size()).isEqualTo(1);
    now.addAndGet(Duration.ofMinutes(6).toNanos());
    cache.sweep();
    assertThat(cache.size()).isZero();
  }

  @Test
  void theCacheNeverHoldsMoreThanMaxEntries() {
    DataKeyCache cache = new DataKeyCache(Duration.ofMinutes(5), 1000, 10, metrics, now::get);
    for (int i = 0; i < 50; i++) {
      now.incrementAndGet();
      cache.get(UUID.randomUUID(), 1, loader((byte) 1));
    }
    assertThat(cache.size()).isEqualTo(10);
  }
}
