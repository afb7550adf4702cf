package io.leadbridge.credentials.internal;

import io.leadbridge.credentials.CredentialDecryptionException;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM with a 96-bit nonce and a 128-bit tag, for the vault's two layouts of the shape
 * {@code prefix | nonce | ciphertext+tag} (envelopes and locally wrapped keys). Stateless and
 * thread-safe.
 */
final class AesGcm {

  static final int NONCE_BYTES = 12;
  static final int TAG_BYTES = 16;
  private static final int TAG_BITS = TAG_BYTES * 8;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private AesGcm() {}

  /** The ciphertext followed by its tag. */
  static byte[] encrypt(byte[] key, byte[] nonce, byte[] associatedData, byte[] plaintext) {
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData);
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /**
   * Decrypts {@code input}, whose nonce starts at {@code nonceAt} and is followed by the
   * ciphertext and tag up to the end; the caller wipes the result.
   *
   * @throws CredentialDecryptionException for a wrong key, associated data or tag, or a bad layout
   */
  static byte[] decrypt(byte[] key, byte[] input, int nonceAt, byte[] associatedData) {
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, input, nonceAt, NONCE_BYTES));
      cipher.updateAAD(associatedData);
      int start = nonceAt + NONCE_BYTES;
      return cipher.doFinal(input, start, input.length - start);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new CredentialDecryptionException();
    }
  }
}
