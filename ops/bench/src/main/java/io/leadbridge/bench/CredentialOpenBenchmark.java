package io.leadbridge.bench;

import io.leadbridge.audit.AuditAction;
import io.leadbridge.audit.AuditEvent;
import io.leadbridge.bench.internal.CryptoState;
import io.leadbridge.bench.internal.SampleCredential;
import io.leadbridge.bench.internal.VaultState;
import io.leadbridge.credentials.SecretValue;
import io.leadbridge.credentials.internal.CredentialFields;
import io.leadbridge.credentials.internal.EnvelopeFormat;
import io.leadbridge.credentials.internal.StoredEnvelope;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Opening a credential with a warm data-key cache, against the AES-256-GCM decrypt at its core, in
 * one JMH run; exists so the cost of an open beyond the cipher is measured, not guessed. The
 * benchmarks run only from {@code ops/bench/run-credentials}, never in a build. Single-threaded
 * measurements; the states are shared read-only or are thread-safe.
 *
 * <p>{@code vaultOpenWarmCache} is the whole open; {@code envelopeOpenWarmKey}, {@code
 * envelopeRowRead} and {@code auditInsert} are its three parts, measured alone so that their
 * times add up to it.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Threads(1)
public class CredentialOpenBenchmark {

  // The database benchmarks (@Warmup 8 x 2 s) run through Jdbi, Tomcat's pool and H2: far more code
  // for the JIT than the cipher; on a shared 2-core machine their rate climbs for about 15 s.

  /** The floor: one AES-256-GCM decrypt of a ciphertext as long as the sample envelope's. */
  @Benchmark
  public byte[] rawAesGcmDecrypt(CryptoState state) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, state.rawKey, state.rawNonce);
    cipher.updateAAD(state.rawAssociatedData);
    return cipher.doFinal(state.rawCiphertext);
  }

  /** The crypto path of an open, as the vault runs it: cached key, envelope checks, decrypt, field decoding, wiping. */
  @Benchmark
  public Map<String, SecretValue> envelopeOpenWarmKey(CryptoState state) {
    int version = EnvelopeFormat.keyVersion(state.envelope);
    byte[] key = state.cache.get(state.tenantId, version, state.keyLoader);
    byte[] plaintext = null;
    try {
      plaintext = EnvelopeFormat.open(key, state.tenantId, state.credentialId, state.envelope);
      Map<String, SecretValue> fields = CredentialFields.decode(plaintext);
      fields.values().forEach(SecretValue::wipe);
      return fields;
    } finally {
      Arrays.fill(key, (byte) 0);
      if (plaintext != null) {
        Arrays.fill(plaintext, (byte) 0);
      }
    }
  }

  /** A whole open: envelope row read, cache hit, decrypt, audit row insert, callback, wipe. */
  @Benchmark
  @Warmup(iterations = 8, time = 2)
  public int vaultOpenWarmCache(VaultState state) {
    return state.vault.open(
        state.tenantId, state.ref, VaultState.PURPOSE, VaultState.ACTOR,
        credential -> credential.field(SampleCredential.TOKEN_FIELD).length());
  }

  /** The first part of an open alone: the SELECT of the envelope row. */
  @Benchmark
  @Warmup(iterations = 8, time = 2)
  public Optional<StoredEnvelope> envelopeRowRead(VaultState state) {
    return state.readEnvelopeRow();
  }

  /** The last part of an open alone: the INSERT of its audit event. */
  @Benchmark
  @Warmup(iterations = 8, time = 2)
  public AuditEvent auditInsert(VaultState state) {
    return state.bench.audit().record(
        Optional.of(state.tenantId), VaultState.ACTOR, AuditAction.CREDENTIAL_OPENED, state.ref.toString(), VaultState.PURPOSE);
  }
}
