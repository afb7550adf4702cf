package io.leadbridge.bench;

import io.leadbridge.bench.internal.KmsCallCount;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the KMS calls behind 10,000 credential opens across 100 tenants (one credential each),
 * with the data-key cache's default {@code maxUses} and with smaller ones; run by {@code
 * ops/bench/run-credentials}. Arguments: the {@code maxUses} values to try (default {@code 100000
 * 10}). Single-threaded.
 */
public final class KmsCallsPerOpens {

  private static final Logger REPORT = LoggerFactory.getLogger(KmsCallsPerOpens.class);
  private static final int TENANTS = 100;
  private static final int OPENS = 10_000;

  private KmsCallsPerOpens() {}

  public static void main(String[] args) {
    List<Long> maxUses = new ArrayList<>();
    for (String arg : args) {
      maxUses.add(Long.parseLong(arg));
    }
    if (maxUses.isEmpty()) {
      maxUses.addAll(List.of(100_000L, 10L));
    }
    REPORT.info("KMS calls per {} opens across {} tenants (1 credential each, opened round-robin)", OPENS, TENANTS);
    REPORT.info("");
    REPORT.info("| keys.cache.maxUses | phase | operations | Decrypt | GenerateDataKey | DescribeKey | cache hits | cache misses |");
    REPORT.info("|---:|---|---:|---:|---:|---:|---:|---:|");
    for (long uses : maxUses) {
      KmsCallCount.Run run = KmsCallCount.run(TENANTS, OPENS, uses);
      for (KmsCallCount.Phase phase : run.phases()) {
        KmsCallCount.Calls calls = phase.calls();
        REPORT.info(
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            uses, phase.name(), phase.operations(), calls.decrypt(), calls.generateDataKey(), calls.describeKey(),
            calls.cacheHits(), calls.cacheMisses());
      }
    }
  }
}
