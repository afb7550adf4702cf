package io.leadbridge.connectors.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes anything credential-like from text a plugin logs: the values of the credentials
 * revealed during the call (for injection or to the plugin), bearer and basic authorization values,
 * {@code key=value} pairs whose key names a secret, JSON web tokens, and long token-shaped strings.
 * Redaction is a safety net under the rule that plugins do not log secrets, not a licence.
 *
 * <p>It remembers a revealed value without keeping it: only its length, a rolling hash that finds
 * candidate places in a text, and a SHA-256 digest salted with a random value of its own that
 * confirms them. A plugin that
 * walks its context by reflection therefore finds no secret here outside its {@code withSecret}
 * callback. Thread-safe: the remembered values are guarded by this object.
 */
final class Redactor {

  static final String MASK = "[REDACTED]";

  /** Shorter credential values are not searched for: they would mask ordinary words. */
  private static final int MIN_REMEMBERED_LENGTH = 4;

  private static final Pattern AUTHORIZATION = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+");
  private static final Pattern KEY_VALUE = Pattern.compile(
      "(?i)\\b([a-z0-9_.-]*(?:password|passwd|secret|token|api[_-]?key|authorization|credential)[a-z0-9_.-]*)"
          + "(\"?\\s*[=:]\\s*)(?!(?i:bearer|basic)\\s|\\[REDACTED\\])(\"[^\"]*\"|'[^']*'|[^\\s,;&]+)");
  private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{24,}");
  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern LETTER = Pattern.compile("[A-Za-z]");
  private static final Pattern DIGIT = Pattern.compile("[0-9]");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<Remembered> remembered = new ArrayList<>();
  private final byte[] salt = new byte[32];
  private final int base;

  Redactor() {
    RANDOM.nextBytes(salt);
    // An odd multiplier, so the rolling hash is a bijection per position.
    base = RANDOM.nextInt() | 1;
  }

  /** Remembers a revealed value (its length and hashes, never the value) until {@link #forget()}. */
  synchronized void remember(char[] secret) {
    if (secret.length >= MIN_REMEMBERED_LENGTH) {
      remembered.add(new Remembered(secret.length, rollingHash(secret, 0, secret.length),
          digest(secret, 0, secret.length)));
    }
  }

  /** Drops every remembered value. */
  synchronized void forget() {
    remembered.clear();
  }

  /** The text with every credential-like part replaced by {@link #MASK}. */
  String redact(String text) {
    String result = AUTHORIZATION.matcher(redactRevealed(text)).replaceAll("$1 " + MASK);
    result = KEY_VALUE.matcher(result).replaceAll("$1$2" + MASK);
    result = JWT.matcher(result).replaceAll(MASK);
    return maskTokens(result);
  }

  /**
   * The text with only the values revealed during the call masked: for identifiers (a vendor's
   * remote id) that the credential-shaped patterns would take for a token.
   */
  String redactRevealed(String text) {
    StringBuilder out = new StringBuilder(text);
    synchronized (this) {
      for (Remembered secret : remembered) {
        maskAll(out, secret);
      }
    }
    return out.toString();
  }

  private void maskAll(StringBuilder text, Remembered secret) {
    int at = indexOf(text, secret, 0);
    while (at >= 0) {
      text.replace(at, at + secret.length(), MASK);
      at = indexOf(text, secret, at + MASK.length());
    }
  }

  /** Where the remembered value next occurs in {@code text} from {@code from}, or -1. */
  private int indexOf(CharSequence text, Remembered secret, int from) {
    int length = secret.length();
    if (text.length() - from < length) {
      return -1;
    }
    int power = 1;
    for (int i = 1; i < length; i++) {
      power *= base;
    }
    int hash = rollingHash(text, from, length);
    for (int i = from; ; i++) {
      if (hash == secret.rolling() && MessageDigest.isEqual(digest(text, i, length), secret.digest())) {
        return i;
      }
      if (i + length >= text.length()) {
        return -1;
      }
      hash = (hash - text.charAt(i) * power) * base + text.charAt(i + length);
    }
  }

  private int rollingHash(CharSequence text, int from, int length) {
    int hash = 0;
    for (int i = from; i < from + length; i++) {
      hash = hash * base + text.charAt(i);
    }
    return hash;
  }

  private int rollingHash(char[] text, int from, int length) {
    return rollingHash(CharBuffer.wrap(text), from, length);
  }

  private byte[] digest(char[] text, int from, int length) {
    return digest(CharBuffer.wrap(text), from, length);
  }

  private byte[] digest(CharSequence text, int from, int length) {
    ByteBuffer utf16 = ByteBuffer.allocate(length * 2);
    for (int i = from; i < from + length; i++) {
      utf16.putChar(text.charAt(i));
    }
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(salt);
      return sha256.digest(utf16.array());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    } finally {
      Arrays.fill(utf16.array(), (byte) 0);
    }
  }

  private static String maskTokens(String text) {
    Matcher tokens = TOKEN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (tokens.find()) {
      String token = tokens.group();
      boolean secretShaped = LETTER.matcher(token).find() && DIGIT.matcher(token).find() && !UUID.matcher(token).matches();
      tokens.appendReplacement(out, Matcher.quoteReplacement(secretShaped ? MASK : token));
    }
    tokens.appendTail(out);
    return out.toString();
  }

  /** What is remembered of one revealed value: its length and two hashes; immutable. */
  private record Remembered(int length, int rolling, byte[] digest) {}
}
