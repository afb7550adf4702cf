package io.leadbridge.simulators.kms;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Defines the fake's ciphertext layout (version, key id, nonce, ciphertext+tag) so Decrypt needs no KeyId; immutable. */
record SealedBlob(String keyId, byte[] nonce, byte[] ciphertext) {
  static final byte VERSION = 1;
  static final int KEY_ID_LENGTH = 36;
  static final int NONCE_LENGTH = 12;
  static final int TAG_LENGTH = 16;

  byte[] toBytes() {
    return ByteBuffer.allocate(1 + KEY_ID_LENGTH + NONCE_LENGTH + ciphertext.length)
        .put(VERSION)
        .put(keyId.getBytes(StandardCharsets.US_ASCII))
        .put(nonce)
        .put(ciphertext)
        .array();
  }

  /** Reads a blob, refusing anything that is not one of ours as InvalidCiphertextException. */
  static SealedBlob parse(byte[] blob) {
    if (blob.length < 1 + KEY_ID_LENGTH + NONCE_LENGTH + TAG_LENGTH || blob[0] != VERSION) {
      throw CiphertextCodec.invalidCiphertext();
    }
    String keyId = new String(blob, 1, KEY_ID_LENGTH, StandardCharsets.US_ASCII);
    int nonceStart = 1 + KEY_ID_LENGTH;
    byte[] nonce = Arrays.copyOfRange(blob, nonceStart, nonceStart + NONCE_LENGTH);
    byte[] ciphertext = Arrays.copyOfRange(blob, nonceStart + NONCE_LENGTH, blob.length);
    return new SealedBlob(keyId, nonce, ciphertext);
  }
}
