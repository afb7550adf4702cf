package io.leadbridge.credentials;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks which characters a secret holds without handing it out, so that the modules validating a
 * tenant's input can refuse a secret that cannot be sent where it goes while the secret stays a
 * {@link SecretValue}; problems name a rule, never a character or the value. Stateless and
 * thread-safe.
 */
public final class SecretText {

  /** Which characters a secret may hold, by where it is sent. */
  public enum Rule {
    /** One line of text: no control character at all (C0 with TAB, CR, LF and NUL; DEL; C1). */
    SINGLE_LINE("must not contain control characters (such as CR, LF, NUL or TAB)"),
    /** Text with line breaks, such as a PEM private key: CR, LF and TAB allowed, no other control character. */
    MULTI_LINE("must not contain control characters other than line breaks (CR, LF) and TAB"),
    /**
     * An HTTP header value as the tenant meant it: printable ASCII and inner spaces. A non-ASCII
     * character would go out as ISO-8859-1 (not the UTF-8 the tenant typed) and a leading or
     * trailing space is stripped by the receiver, so neither would arrive as given.
     */
    HEADER_VALUE("is sent as an HTTP header value: printable ASCII only, no control characters, no leading or"
        + " trailing space");

    private final String problem;

    Rule(String problem) {
      this.problem = problem;
    }

    /** The problem with a secret that breaks the rule, for a validation error next to the field's name. */
    public String problem() {
      return problem;
    }
  }

  private SecretText() {}

  /** The rule's problem if {@code secret} breaks it; empty if it keeps it. */
  public static Optional<String> problem(SecretValue secret, Rule rule) {
    return keeps(secret, rule) ? Optional.empty() : Optional.of(rule.problem());
  }

  /**
   * Whether the whole secret matches {@code pattern} (a descriptor's rule for its field); a secret
   * that is not valid UTF-8 matches nothing.
   */
  public static boolean matches(SecretValue secret, Pattern pattern) {
    byte[] utf8 = secret.reveal();
    CharBuffer chars = null;
    try {
      chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(utf8));
      return pattern.matcher(chars).matches();
    } catch (CharacterCodingException e) {
      return false;
    } finally {
      Arrays.fill(utf8, (byte) 0);
      if (chars != null) {
        Arrays.fill(chars.array(), '\0');
      }
    }
  }

  private static boolean keeps(SecretValue secret, Rule rule) {
    byte[] utf8 = secret.reveal();
    try {
      return keeps(utf8, rule);
    } finally {
      Arrays.fill(utf8, (byte) 0);
    }
  }

  /**
   * Byte by byte: in UTF-8 every C0 character and DEL is one byte below 0x80 that never occurs
   * inside a longer sequence, and a C1 character is 0xC2 followed by 0x80-0x9F.
   */
  private static boolean keeps(byte[] utf8, Rule rule) {
    for (int i = 0; i < utf8.length; i++) {
      int b = utf8[i] & 0xff;
      if (rule == Rule.HEADER_VALUE) {
        boolean edge = i == 0 || i == utf8.length - 1;
        if (b < 0x20 || b > 0x7e || (edge && b == ' ')) {
          return false;
        }
      } else if (b < 0x20 || b == 0x7f) {
        if (rule == Rule.SINGLE_LINE || (b != '\r' && b != '\n' && b != '\t')) {
          return false;
        }
      } else if (b == 0xc2 && i + 1 < utf8.length && (utf8[i + 1] & 0xff) <= 0x9f) {
        return false;
      }
    }
    return true;
  }
}
