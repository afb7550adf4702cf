package io.leadbridge.credentials.internal;

import io.leadbridge.credentials.CredentialDecryptionException;
import io.leadbridge.credentials.CredentialException.InvalidCredentialException;
import io.leadbridge.credentials.SecretValue;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The plaintext inside an envelope: a credential's named fields, encoded as a count (u16) and, per
 * field in name order, a name length (u16), the UTF-8 name, a value length (u32) and the value.
 * Stateless and thread-safe.
 */
public final class CredentialFields {

  public static final int MAX_FIELDS = 16;
  public static final int MAX_VALUE_BYTES = 8 * 1024;
  /** What fits an envelope ({@link EnvelopeFormat#MAX_ENVELOPE_BYTES}) with room for its header and tag. */
  public static final int MAX_TOTAL_BYTES = 32 * 1024;
  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

  private CredentialFields() {}

  /** Checks a credential set before it is stored; messages name fields, never values. */
  public static void validate(Map<String, SecretValue> fields) {
    if (fields.isEmpty()) {
      throw new InvalidCredentialException("a credential needs at least one field");
    }
    if (fields.size() > MAX_FIELDS) {
      throw new InvalidCredentialException("a credential has at most " + MAX_FIELDS + " fields");
    }
    for (Map.Entry<String, SecretValue> field : fields.entrySet()) {
      if (field.getKey() == null || !FIELD_NAME.matcher(field.getKey()).matches()) {
        throw new InvalidCredentialException("credential field names are 1-64 letters, digits, '_', '.' or '-'");
      }
      if (field.getValue() == null || field.getValue().isEmpty()) {
        throw new InvalidCredentialException("credential field " + field.getKey() + " is empty");
      }
      if (field.getValue().length() > MAX_VALUE_BYTES) {
        throw new InvalidCredentialException(
            "credential field " + field.getKey() + " is longer than " + MAX_VALUE_BYTES + " bytes");
      }
    }
    if (encodedSize(fields) > MAX_TOTAL_BYTES) {
      throw new InvalidCredentialException("a credential is at most " + MAX_TOTAL_BYTES + " bytes in all");
    }
  }

  /** The plaintext of a validated set; the caller wipes it. */
  public static byte[] encode(Map<String, SecretValue> fields) {
    validate(fields);
    // Sized exactly, so no intermediate buffer with secret bytes is left behind unwiped.
    ByteBuffer out = ByteBuffer.allocate(encodedSize(fields)).putShort((short) fields.size());
    for (Map.Entry<String, SecretValue> field : new TreeMap<>(fields).entrySet()) {
      byte[] name = field.getKey().getBytes(StandardCharsets.UTF_8);
      byte[] value = field.getValue().reveal();
      try {
        out.putShort((short) name.length).put(name).putInt(value.length).put(value);
      } finally {
        Arrays.fill(value, (byte) 0);
      }
    }
    return out.array();
  }

  private static int encodedSize(Map<String, SecretValue> fields) {
    int size = 2;
    for (Map.Entry<String, SecretValue> field : fields.entrySet()) {
      size += 2 + field.getKey().getBytes(StandardCharsets.UTF_8).length + 4 + field.getValue().length();
    }
    return size;
  }

  /**
   * The fields of a decrypted plaintext, every bound checked.
   *
   * @throws CredentialDecryptionException if the plaintext is not a well-formed field set
   */
  public static Map<String, SecretValue> decode(byte[] plaintext) {
    ByteBuffer in = ByteBuffer.wrap(plaintext);
    Map<String, SecretValue> fields = new LinkedHashMap<>();
    try {
      int count = unsignedShort(in);
      if (count < 1 || count > MAX_FIELDS) {
        throw new CredentialDecryptionException();
      }
      for (int i = 0; i < count; i++) {
        String name = utf8(take(in, unsignedShort(in)));
        if (!FIELD_NAME.matcher(name).matches() || fields.containsKey(name)) {
          throw new CredentialDecryptionException();
        }
        int length = in.remaining() >= 4 ? in.getInt() : -1;
        if (length < 1 || length > MAX_VALUE_BYTES) {
          throw new CredentialDecryptionException();
        }
        byte[] value = take(in, length);
        fields.put(name, SecretValue.ofUtf8(value));
        Arrays.fill(value, (byte) 0);
      }
      if (in.hasRemaining()) {
        throw new CredentialDecryptionException();
      }
      return fields;
    } catch (CredentialDecryptionException e) {
      fields.values().forEach(SecretValue::wipe);
      throw e;
    }
  }

  /** The field names of a set, for metadata. */
  public static Set<String> names(Map<String, SecretValue> fields) {
    return Set.copyOf(fields.keySet());
  }

  private static int unsignedShort(ByteBuffer in) {
    if (in.remaining() < 2) {
      throw new CredentialDecryptionException();
    }
    return Short.toUnsignedInt(in.getShort());
  }

  private static byte[] take(ByteBuffer in, int length) {
    if (length < 0 || length > in.remaining()) {
      throw new CredentialDecryptionException();
    }
    byte[] bytes = new byte[length];
    in.get(bytes);
    return bytes;
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CredentialDecryptionException();
    }
  }
}
