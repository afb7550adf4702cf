package io.leadbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.bench.internal.KmsCallCount;
import io.leadbridge.bench.internal.KmsCallCount.Calls;
import org.junit.jupiter.api.Test;

/**
 * The KMS call counter on a small scale (10 tenants, 200 opens): the numbers it reports are the
 * ones the cache's limits imply, so the full-size report can be trusted.
 */
class KmsCallCountTest {

  @Test
  void withTheDefaultsOnlyAFreshProcessCallsKmsOncePerTenant() {
    KmsCallCount.Run run = KmsCallCount.run(10, 200, 100_000);

    assertThat(run.phases()).extracting(KmsCallCount.Phase::calls).containsExactly(
        new Calls(0, 10, 1, 0, 10),
        new Calls(0, 0, 0, 200, 0),
        new Calls(10, 0, 0, 190, 10));
  }

  @Test
  void aSmallMaxUsesCostsADecryptEveryMaxUsesOpensOfATenant() {
    // 20 opens per tenant; a key serves 10 uses, and after a store its first use is already spent.
    KmsCallCount.Run run = KmsCallCount.run(10, 200, 10);

    assertThat(run.phases().get(1).calls().decrypt()).isEqualTo(20);
    assertThat(run.phases().get(2).calls().decrypt()).isEqualTo(20);
    assertThat(run.phases().get(2).calls().cacheMisses()).isEqualTo(20);
  }
}
