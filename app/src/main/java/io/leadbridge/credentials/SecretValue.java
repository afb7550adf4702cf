package io.leadbridge.credentials;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.leadbridge.credentials.internal.SecretValueJson;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A secret (a token, a client secret, a password) held as wipeable UTF-8 bytes; exists so that a
 * secret cannot be printed, serialized or compared in a way that leaks it. Thread-safe.
 *
 * <p>{@link #toString()} is masked, Jackson refuses to serialize it (it may be read from a
 * request body), and {@link #equals} compares in constant time. Only the {@code credentials}
 * module and the connector host may call {@link #reveal()}; an ArchUnit rule enforces that.
 */
@Schema(type = "string", format = "password", accessMode = Schema.AccessMode.WRITE_ONLY,
    description = "A secret: accepted in requests, never returned")
@JsonSerialize(using = SecretValueJson.RefusingSerializer.class)
@JsonDeserialize(using = SecretValueJson.Deserializer.class)
public final class SecretValue {

  private static final String MASK = "SecretValue[****]";

  private final byte[] bytes;
  private volatile boolean wiped;

  private SecretValue(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A secret from UTF-8 bytes; copies them, so the caller may wipe its array. */
  public static SecretValue ofUtf8(byte[] utf8) {
    return new SecretValue(utf8.clone());
  }

  /** A secret from characters; the caller may wipe its array afterwards. */
  public static SecretValue of(char[] chars) {
    ByteBuffer encoded;
    try {
      encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(chars));
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("a secret must be valid Unicode text");
    }
    byte[] copy = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
    Arrays.fill(encoded.array(), (byte) 0);
    return new SecretValue(copy);
  }

  /** A secret from a string (e.g. a request field); prefer the array forms where there is a choice. */
  public static SecretValue of(String value) {
    return new SecretValue(value.getBytes(StandardCharsets.UTF_8));
  }

  /** @return the number of UTF-8 bytes */
  public int length() {
    return bytes.length;
  }

  /** @return whether the secret is the empty string */
  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /**
   * A copy of the secret's UTF-8 bytes, which the caller must wipe ({@code Arrays.fill}) as soon as
   * it is done.
   *
   * @throws IllegalStateException after {@link #wipe()}
   */
  public byte[] reveal() {
    if (wiped) {
      throw new IllegalStateException("the secret was wiped");
    }
    return bytes.clone();
  }

  /** Overwrites the secret with zeros; every later {@link #reveal()} throws. */
  public void wipe() {
    wiped = true;
    Arrays.fill(bytes, (byte) 0);
  }

  /** @return whether {@link #wipe()} was called */
  public boolean isWiped() {
    return wiped;
  }

  /** Constant-time for equal lengths; a wiped secret equals only itself. */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof SecretValue that) || wiped || that.wiped) {
      return false;
    }
    return MessageDigest.isEqual(bytes, that.bytes);
  }

  /** The same for every secret, so that a hash never reveals anything about the value. */
  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return MASK;
  }
}
