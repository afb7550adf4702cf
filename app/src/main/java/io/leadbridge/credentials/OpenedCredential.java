package io.leadbridge.credentials;

import io.leadbridge.credentials.internal.HmacSha256;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * A credential's fields, revealed for the duration of one {@link CredentialVault#open} callback;
 * every value is wiped when the callback returns or throws. Use from the calling thread only.
 */
public final class OpenedCredential {

  private final Map<String, SecretValue> fields;

  OpenedCredential(Map<String, SecretValue> fields) {
    this.fields = Map.copyOf(fields);
  }

  /** @return the names of the fields that are set */
  public Set<String> names() {
    return fields.keySet();
  }

  /** @return whether the field is set */
  public boolean has(String name) {
    return fields.containsKey(name);
  }

  /**
   * The value of a field, valid until the callback ends.
   *
   * @throws IllegalArgumentException if the field is not set (the message names the field only)
   */
  public SecretValue field(String name) {
    SecretValue value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("credential field " + name + " is not set");
    }
    return value;
  }

  /**
   * A field's value as characters in a new array that the caller owns and wipes, for code (the
   * connector host) that hands secrets on as {@code char[]}.
   *
   * @throws IllegalArgumentException if the field is not set or is not valid UTF-8 text
   */
  public char[] chars(String name) {
    byte[] utf8 = field(name).reveal();
    try {
      CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(utf8));
      char[] chars = Arrays.copyOfRange(decoded.array(), decoded.position(), decoded.limit());
      Arrays.fill(decoded.array(), '\0');
      return chars;
    } catch (CharacterCodingException e) {
      throw notText();
    } finally {
      Arrays.fill(utf8, (byte) 0);
    }
  }

  /**
   * The HMAC-SHA256 of {@code data} keyed with a field's value, in lower-case hex: signs a
   * message (a webhook body) with a stored secret without revealing the secret to the caller.
   *
   * @throws IllegalArgumentException if the field is not set
   */
  public String hmacSha256Hex(String name, byte[] data) {
    return HexFormat.of().formatHex(hmacSha256(name, data));
  }

  private byte[] hmacSha256(String name, byte[] data) {
    byte[] key = field(name).reveal();
    try {
      return HmacSha256.of(key, data);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Built apart from the revealing code, which may not build messages (an architecture rule). */
  private static IllegalArgumentException notText() {
    return new IllegalArgumentException("credential field is not text");
  }

  void wipe() {
    fields.values().forEach(SecretValue::wipe);
  }

  @Override
  public String toString() {
    return "OpenedCredential" + names();
  }
}
