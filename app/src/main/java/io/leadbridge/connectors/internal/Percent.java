package io.leadbridge.connectors.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Percent-encoding (RFC 3986) of query components and form values; a secret form value is encoded
 * from and into arrays the caller can wipe. Stateless and thread-safe.
 */
final class Percent {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Percent() {}

  /** Encodes text; with {@code form}, a space becomes {@code +} as forms expect. */
  static String encode(String text, boolean form) {
    byte[] encoded = encode(text.getBytes(StandardCharsets.UTF_8), form);
    return new String(encoded, StandardCharsets.US_ASCII);
  }

  /** Form-encodes a secret; the result is the caller's to wipe, and no other copy is left. */
  static byte[] formEncode(char[] secret) {
    byte[] utf8 = RevealedSecret.utf8(secret);
    try {
      return encode(utf8, true);
    } finally {
      Arrays.fill(utf8, (byte) 0);
    }
  }

  private static byte[] encode(byte[] utf8, boolean form) {
    ByteArrayOutputStream out = new WipedOnRead(utf8.length * 3);
    for (byte b : utf8) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.write(c);
      } else if (c == ' ' && form) {
        out.write('+');
      } else {
        out.write('%');
        out.write(HEX[c >> 4]);
        out.write(HEX[c & 0xf]);
      }
    }
    return out.toByteArray();
  }

  /** A buffer that zeroes its internal array when its content is taken out. */
  private static final class WipedOnRead extends ByteArrayOutputStream {
    WipedOnRead(int size) {
      super(Math.max(size, 1));
    }

    @Override
    public synchronized byte[] toByteArray() {
      byte[] copy = super.toByteArray();
      Arrays.fill(buf, (byte) 0);
      return copy;
    }
  }
}
