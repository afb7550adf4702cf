package io.leadbridge.connectors.internal;

import io.leadbridge.connector.api.SecretView;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A revealed credential for one {@code withSecret} callback: it owns the decrypted characters and
 * the UTF-8 bytes made from them, and zeroes both when the callback ends. Meant for the callback's
 * thread; its state flag is volatile so a view leaked to another thread still refuses after the
 * wipe.
 */
final class RevealedSecret implements SecretView {

  private final char[] chars;
  private byte[] utf8;
  private volatile boolean wiped;

  /** Takes ownership of {@code chars}. */
  RevealedSecret(char[] chars) {
    this.chars = chars;
  }

  @Override
  public int length() {
    requireValid();
    return chars.length;
  }

  @Override
  public char[] chars() {
    requireValid();
    return chars;
  }

  @Override
  public byte[] utf8() {
    requireValid();
    if (utf8 == null) {
      utf8 = utf8(chars);
    }
    return utf8;
  }

  /** Zeroes the characters and bytes; every method throws from now on. */
  void wipe() {
    wiped = true;
    Arrays.fill(chars, '\0');
    if (utf8 != null) {
      Arrays.fill(utf8, (byte) 0);
    }
  }

  /** UTF-8 bytes of {@code chars} in an array of their exact length, with no other copy left behind. */
  static byte[] utf8(char[] chars) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
    byte[] bytes = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
    Arrays.fill(encoded.array(), (byte) 0);
    return bytes;
  }

  private void requireValid() {
    if (wiped) {
      throw new IllegalStateException("the secret is no longer available: use it only inside withSecret");
    }
  }

  @Override
  public String toString() {
    return "SecretView[***]";
  }
}
