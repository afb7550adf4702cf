package io.leadbridge.bench.internal;

import com.codahale.metrics.MetricRegistry;
import io.leadbridge.audit.Actor;
import io.leadbridge.credentials.CredentialRef;
import io.leadbridge.credentials.CredentialVault;
import io.leadbridge.credentials.CredentialsModule;
import io.leadbridge.simulators.kms.KmsOperation;
import io.leadbridge.simulators.kms.KmsSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Counts the KMS calls behind credential opens: stores one credential for each of a number of
 * tenants through the aws-kms provider against an in-process KMS fake, then opens them round-robin,
 * once in the process that stored them and once in a fresh one (an empty data-key cache). The
 * counts are the fake's, i.e. the requests that reached the wire. Not thread-safe; one run at a
 * time.
 */
public final class KmsCallCount {

  private static final Actor ACTOR = Actor.system("bench");

  private KmsCallCount() {}

  /** KMS requests and data-key cache lookups over one phase. */
  public record Calls(long decrypt, long generateDataKey, long describeKey, long cacheHits, long cacheMisses) {

    Calls minus(Calls before) {
      return new Calls(
          decrypt - before.decrypt,
          generateDataKey - before.generateDataKey,
          describeKey - before.describeKey,
          cacheHits - before.cacheHits,
          cacheMisses - before.cacheMisses);
    }
  }

  /** What one phase did and what it cost. */
  public record Phase(String name, int operations, Calls calls) {}

  /** The phases of one run with a given cache {@code maxUses}, in order: store, warm opens, cold opens. */
  public record Run(long maxUses, int tenants, List<Phase> phases) {}

  public static Run run(int tenants, int opens, long maxUses) {
    try (KmsSimulator kms = KmsSimulator.builder().region("eu-west-1").credentials("bench-ak", "bench-sk").start();
        BenchVault bench = BenchVault.awsKms(kms, BenchVault.cacheWithMaxUses(maxUses))) {
      List<Phase> phases = new ArrayList<>();
      MetricRegistry writerMetrics = new MetricRegistry();
      CredentialsModule writer = bench.module(writerMetrics);
      List<UUID> tenantIds = new ArrayList<>();
      List<CredentialRef> refs = new ArrayList<>();
      Calls before = snapshot(kms, writerMetrics);
      for (int n = 0; n < tenants; n++) {
        UUID tenantId = UUID.randomUUID();
        tenantIds.add(tenantId);
        refs.add(writer.vault().store(tenantId, SampleCredential.fields(n), ACTOR).ref());
      }
      Calls afterStore = snapshot(kms, writerMetrics);
      phases.add(new Phase("store 1 credential per tenant", tenants, afterStore.minus(before)));
      openRoundRobin(writer.vault(), tenantIds, refs, opens);
      phases.add(new Phase("open, same process as the stores", opens, snapshot(kms, writerMetrics).minus(afterStore)));
      writer.close();

      MetricRegistry readerMetrics = new MetricRegistry();
      CredentialsModule reader = bench.module(readerMetrics);
      Calls beforeCold = snapshot(kms, readerMetrics);
      openRoundRobin(reader.vault(), tenantIds, refs, opens);
      phases.add(new Phase("open, fresh process (cache empty)", opens, snapshot(kms, readerMetrics).minus(beforeCold)));
      reader.close();
      return new Run(maxUses, tenants, phases);
    }
  }

  private static void openRoundRobin(CredentialVault vault, List<UUID> tenantIds, List<CredentialRef> refs, int opens) {
    for (int i = 0; i < opens; i++) {
      int n = i % tenantIds.size();
      int length = vault.open(tenantIds.get(n), refs.get(n), "bench", ACTOR, c -> c.field(SampleCredential.TOKEN_FIELD).length());
      if (length != SampleCredential.TOKEN_BYTES) {
        throw new IllegalStateException("credential " + n + " opened with a token of the wrong length");
      }
    }
  }

  private static Calls snapshot(KmsSimulator kms, MetricRegistry metrics) {
    return new Calls(
        kms.requestCount(KmsOperation.DECRYPT),
        kms.requestCount(KmsOperation.GENERATE_DATA_KEY),
        kms.requestCount(KmsOperation.DESCRIBE_KEY),
        metrics.counter("credentials.cache.hits").getCount(),
        metrics.counter("credentials.cache.misses").getCount());
  }
}
