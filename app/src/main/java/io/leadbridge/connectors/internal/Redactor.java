package io.leadbridge.connectors.internal;

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
 * Thread-safe: the remembered values are guarded by this object.
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

  private final List<char[]> remembered = new ArrayList<>();

  /** Remembers a revealed value (a copy) until {@link #forget()}. */
  synchronized void remember(char[] secret) {
    if (secret.length >= MIN_REMEMBERED_LENGTH) {
      remembered.add(secret.clone());
    }
  }

  /** Wipes and drops every remembered value. */
  synchronized void forget() {
    remembered.forEach(value -> Arrays.fill(value, '\0'));
    remembered.clear();
  }

  /** The text with every credential-like part replaced by {@link #MASK}. */
  String redact(String text) {
    StringBuilder out = new StringBuilder(text);
    synchronized (this) {
      for (char[] secret : remembered) {
        maskAll(out, secret);
      }
    }
    String result = AUTHORIZATION.matcher(out).replaceAll("$1 " + MASK);
    result = KEY_VALUE.matcher(result).replaceAll("$1$2" + MASK);
    result = JWT.matcher(result).replaceAll(MASK);
    return maskTokens(result);
  }

  private static void maskAll(StringBuilder text, char[] secret) {
    int at = indexOf(text, secret, 0);
    while (at >= 0) {
      text.replace(at, at + secret.length, MASK);
      at = indexOf(text, secret, at + MASK.length());
    }
  }

  private static int indexOf(CharSequence text, char[] secret, int from) {
    outer:
    for (int i = from; i <= text.length() - secret.length; i++) {
      for (int j = 0; j < secret.length; j++) {
        if (text.charAt(i + j) != secret[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
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
}
