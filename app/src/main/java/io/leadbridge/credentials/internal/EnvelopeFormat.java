package io.leadbridge.credentials.internal;

import io.leadbridge.credentials.CredentialDecryptionException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

/**
 * Seals and opens credential envelopes, format version 1 (see {@code ops/keys/ENVELOPE-FORMAT.md}).
 * Stateless and thread-safe.
 *
 * <pre>
 * offset  size  field
 *  0       4    magic "LBCE"
 *  4       1    format version (1)
 *  5       4    data key version, unsigned big-endian, at least 1
 *  9      12    nonce, fresh and random for every seal
 * 21       n    AES-256-GCM ciphertext followed by its 16-byte tag (n at least 16)
 * </pre>
 *
 * The associated data is the 9-byte header followed by the tenant id and the credential id (16
 * bytes each, big-endian): a ciphertext copied to another tenant, another credential or another
 * key version does not open. Every malformed input ends in one {@link CredentialDecryptionException}.
 */
public final class EnvelopeFormat {

  public static final int VERSION = 1;
  public static final int MAX_ENVELOPE_BYTES = 64 * 1024;

  private static final byte[] MAGIC = {'L', 'B', 'C', 'E'};
  private static final int HEADER_BYTES = 9;
  private static final int NONCE_BYTES = AesGcm.NONCE_BYTES;
  private static final int MIN_ENVELOPE_BYTES = HEADER_BYTES + NONCE_BYTES + AesGcm.TAG_BYTES;
  private static final SecureRandom RANDOM = new SecureRandom();

  private EnvelopeFormat() {}

  /** Encrypts {@code plaintext} under a data key; the nonce is fresh. */
  public static byte[] seal(
      byte[] dataKey, int keyVersion, UUID tenantId, UUID credentialId, byte[] plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    return seal(dataKey, keyVersion, tenantId, credentialId, plaintext, nonce);
  }

  /** Encrypts with a given nonce; only known-answer tests pass one, everything else uses {@link #seal(byte[], int, UUID, UUID, byte[])}. */
  static byte[] seal(
      byte[] dataKey, int keyVersion, UUID tenantId, UUID credentialId, byte[] plaintext, byte[] nonce) {
    if (keyVersion < 1) {
      throw new IllegalArgumentException("key versions start at 1");
    }
    if (MIN_ENVELOPE_BYTES + plaintext.length > MAX_ENVELOPE_BYTES) {
      throw new IllegalArgumentException("the credential is too large for an envelope");
    }
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).put((byte) VERSION).putInt(keyVersion);
    byte[] sealed = AesGcm.encrypt(dataKey, nonce, associatedData(header.array(), tenantId, credentialId), plaintext);
    return ByteBuffer.allocate(HEADER_BYTES + NONCE_BYTES + sealed.length)
        .put(header.array())
        .put(nonce)
        .put(sealed)
        .array();
  }

  /**
   * Reads the data key version an envelope was sealed under, before any key is fetched.
   *
   * @throws CredentialDecryptionException if the envelope is not a well-formed version 1 envelope
   */
  public static int keyVersion(byte[] envelope) {
    if (envelope == null
        || envelope.length < MIN_ENVELOPE_BYTES
        || envelope.length > MAX_ENVELOPE_BYTES) {
      throw new CredentialDecryptionException();
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (envelope[i] != MAGIC[i]) {
        throw new CredentialDecryptionException();
      }
    }
    if (envelope[4] != VERSION) {
      throw new CredentialDecryptionException();
    }
    int keyVersion = ByteBuffer.wrap(envelope, 5, 4).getInt();
    if (keyVersion < 1) {
      throw new CredentialDecryptionException();
    }
    return keyVersion;
  }

  /**
   * Decrypts an envelope; the caller wipes the returned array.
   *
   * @throws CredentialDecryptionException for anything that is not an authentic envelope of this
   *     tenant and credential under this key
   */
  public static byte[] open(byte[] dataKey, UUID tenantId, UUID credentialId, byte[] envelope) {
    keyVersion(envelope);
    byte[] header = Arrays.copyOf(envelope, HEADER_BYTES);
    return AesGcm.decrypt(dataKey, envelope, HEADER_BYTES, associatedData(header, tenantId, credentialId));
  }

  private static byte[] associatedData(byte[] header, UUID tenantId, UUID credentialId) {
    return ByteBuffer.allocate(header.length + 32)
        .put(header)
        .putLong(tenantId.getMostSignificantBits())
        .putLong(tenantId.getLeastSignificantBits())
        .putLong(credentialId.getMostSignificantBits())
        .putLong(credentialId.getLeastSignificantBits())
        .array();
  }
}
