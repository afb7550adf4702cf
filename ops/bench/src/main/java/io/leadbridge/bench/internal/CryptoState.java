package io.leadbridge.bench.internal;

import com.codahale.metrics.MetricRegistry;
import io.leadbridge.credentials.internal.CredentialFields;
import io.leadbridge.credentials.internal.DataKeyCache;
import io.leadbridge.credentials.internal.EnvelopeFormat;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The in-memory inputs of the crypto-only benchmarks: one sample credential sealed as an envelope
 * under a data key that sits in a {@link DataKeyCache} with the production limits, and the same
 * plaintext as a bare AES-256-GCM ciphertext with associated data of the envelope's length.
 * Read-only after setup, so safe to share between benchmark threads.
 */
@State(Scope.Benchmark)
public class CryptoState {

  public static final int TAG_BITS = 128;
  public static final int KEY_VERSION = 1;

  /** The envelope's associated data is its 9-byte header and the two ids; the raw case uses the same. */
  private static final int ENVELOPE_HEADER_BYTES = 9;

  /** The cache is warmed in setup; it calls this again only when an entry runs out of uses. */
  private static final int PRODUCTION_MAX_USES = 100_000;

  public UUID tenantId;
  public UUID credentialId;
  public byte[] envelope;
  public DataKeyCache cache;
  public MetricRegistry cacheMetrics;
  public Supplier<byte[]> keyLoader;

  public SecretKeySpec rawKey;
  public GCMParameterSpec rawNonce;
  public byte[] rawAssociatedData;
  public byte[] rawCiphertext;
  public int plaintextBytes;

  @Setup
  public void setUp() throws GeneralSecurityException {
    SecureRandom random = new SecureRandom();
    byte[] dataKey = new byte[32];
    random.nextBytes(dataKey);
    tenantId = UUID.randomUUID();
    credentialId = UUID.randomUUID();
    byte[] plaintext = CredentialFields.encode(SampleCredential.fields(1));
    plaintextBytes = plaintext.length;
    envelope = EnvelopeFormat.seal(dataKey, KEY_VERSION, tenantId, credentialId, plaintext);

    cacheMetrics = new MetricRegistry();
    cache = new DataKeyCache(Duration.ofMinutes(5), PRODUCTION_MAX_USES, 10_000, cacheMetrics, System::nanoTime);
    keyLoader = dataKey::clone;
    cache.get(tenantId, KEY_VERSION, keyLoader);

    rawKey = new SecretKeySpec(dataKey, "AES");
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    rawNonce = new GCMParameterSpec(TAG_BITS, nonce);
    rawAssociatedData =
        ByteBuffer.allocate(ENVELOPE_HEADER_BYTES + 32)
            .put(envelope, 0, ENVELOPE_HEADER_BYTES)
            .putLong(tenantId.getMostSignificantBits())
            .putLong(tenantId.getLeastSignificantBits())
            .putLong(credentialId.getMostSignificantBits())
            .putLong(credentialId.getLeastSignificantBits())
            .array();
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, rawKey, rawNonce);
    cipher.updateAAD(rawAssociatedData);
    rawCiphertext = cipher.doFinal(plaintext);
  }
}
