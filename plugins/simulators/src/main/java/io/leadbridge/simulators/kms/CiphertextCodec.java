package io.leadbridge.simulators.kms;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/** Real AES-256-GCM under a key's material, binding the key id and the canonical encryption context as AAD. Thread-safe. */
final class CiphertextCodec {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] AAD_LABEL = "leadbridge-kms-sim/v1".getBytes(StandardCharsets.US_ASCII);

  private CiphertextCodec() {}

  static byte[] seal(KmsKey key, byte[] plaintext, Map<String, String> context) {
    byte[] nonce = new byte[SealedBlob.NONCE_LENGTH];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.material(), new GCMParameterSpec(SealedBlob.TAG_LENGTH * 8, nonce));
      cipher.updateAAD(aad(key.keyId(), context));
      return new SealedBlob(key.keyId(), nonce, cipher.doFinal(plaintext)).toBytes();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /** Decrypts; a wrong context, a tampered blob or another key's blob all fail as InvalidCiphertextException. */
  static byte[] open(KmsKey key, SealedBlob blob, Map<String, String> context) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key.material(), new GCMParameterSpec(SealedBlob.TAG_LENGTH * 8, blob.nonce()));
      cipher.updateAAD(aad(blob.keyId(), context));
      return cipher.doFinal(blob.ciphertext());
    } catch (GeneralSecurityException e) {
      throw invalidCiphertext();
    }
  }

  static KmsApiException invalidCiphertext() {
    return KmsApiException.badRequest("InvalidCiphertextException", "");
  }

  private static byte[] aad(String keyId, Map<String, String> context) {
    byte[] keyIdBytes = keyId.getBytes(StandardCharsets.US_ASCII);
    byte[] contextBytes = EncryptionContexts.canonical(context);
    return ByteBuffer.allocate(AAD_LABEL.length + keyIdBytes.length + contextBytes.length)
        .put(AAD_LABEL)
        .put(keyIdBytes)
        .put(contextBytes)
        .array();
  }
}
