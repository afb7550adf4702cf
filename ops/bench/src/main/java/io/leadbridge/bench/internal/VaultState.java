package io.leadbridge.bench.internal;

import com.codahale.metrics.MetricRegistry;
import io.leadbridge.audit.Actor;
import io.leadbridge.credentials.CredentialRef;
import io.leadbridge.credentials.CredentialVault;
import io.leadbridge.credentials.CredentialsModule;
import io.leadbridge.credentials.DataKeyCacheConfiguration;
import io.leadbridge.credentials.internal.StoredEnvelope;
import io.leadbridge.credentials.internal.EnvelopeLookup;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The vault as the server runs it (local key provider, production cache limits, pooled H2
 * in-memory database) with one stored credential whose data key is already cached. Thread-safe,
 * as the vault is.
 */
@State(Scope.Benchmark)
public class VaultState {

  public static final Actor ACTOR = Actor.system("bench");
  public static final String PURPOSE = "bench";

  public BenchVault bench;
  public MetricRegistry metrics;
  public CredentialsModule module;
  public CredentialVault vault;
  public Jdbi jdbi;
  public UUID tenantId;
  public CredentialRef ref;

  @Setup(Level.Trial)
  public void setUp() {
    bench = BenchVault.local(new DataKeyCacheConfiguration());
    metrics = new MetricRegistry();
    module = bench.module(metrics);
    vault = module.vault();
    jdbi = bench.database().jdbi();
    tenantId = UUID.randomUUID();
    ref = vault.store(tenantId, SampleCredential.fields(1), ACTOR).ref();
  }

  /** The envelope row read exactly as {@link CredentialVault#open} reads it. */
  public Optional<StoredEnvelope> readEnvelopeRow() {
    return jdbi.withExtension(EnvelopeLookup.class, d -> d.envelope(ref.id(), tenantId));
  }

  @TearDown(Level.Iteration)
  public void clearAuditTrail() {
    bench.database().clearAuditTrail();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    module.close();
    bench.close();
  }
}
