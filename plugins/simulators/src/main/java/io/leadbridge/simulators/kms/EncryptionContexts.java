package io.leadbridge.simulators.kms;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Canonical bytes of an encryption context (sorted, length-prefixed), so pair order never changes the AAD. Stateless, so thread-safe. */
final class EncryptionContexts {
  private EncryptionContexts() {}

  static byte[] canonical(Map<String, String> context) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new TreeMap<>(context)
        .forEach(
            (key, value) -> {
              writeField(out, key);
              writeField(out, value);
            });
    return out.toByteArray();
  }

  private static void writeField(ByteArrayOutputStream out, String field) {
    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }
}
