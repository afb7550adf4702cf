package io.leadbridge.connectors.internal;

import io.leadbridge.connector.api.CheckResult;
import io.leadbridge.connector.api.DeliveryOutcome;
import java.util.Optional;

/**
 * What a plugin returns, made safe before the host stores, logs or shows it: every text (check
 * detail, outcome reason and message; in a remote id, the values revealed during the call) passed
 * through the call's {@link Redactor}, its
 * control characters replaced by spaces and cut to the connector API's bounds. A plugin that echoes
 * its token in a message leaves no trace of it. Stateless and thread-safe.
 */
final class ReturnedTexts {

  /** Stands in for a text that was nothing but control characters. */
  static final String BLANK = "(no text)";

  private ReturnedTexts() {}

  /**
   * The detail cleaned; the account kept only when it holds nothing the call revealed (an account
   * named after the token would put the token in a table and in the operators' budget list).
   */
  static CheckResult check(CheckResult result, Redactor redactor) {
    Optional<String> account = result.account().filter(a -> redactor.redactRevealed(a).equals(a));
    return new CheckResult(result.ok(), clean(result.detail(), redactor, DeliveryOutcome.MAX_TEXT_LENGTH), account);
  }

  static DeliveryOutcome outcome(DeliveryOutcome outcome, Redactor redactor) {
    int max = DeliveryOutcome.MAX_TEXT_LENGTH;
    if (outcome instanceof DeliveryOutcome.Delivered delivered) {
      // A remote id is an identifier: only a revealed secret is masked in it, not token-shaped
      // text, and invisible characters are dropped rather than turned into spaces.
      return new DeliveryOutcome.Delivered(visible(redactor.redactRevealed(delivered.remoteId()),
          DeliveryOutcome.MAX_REMOTE_ID_LENGTH, ""), delivered.change());
    }
    if (outcome instanceof DeliveryOutcome.Retryable retryable) {
      return new DeliveryOutcome.Retryable(clean(retryable.reason(), redactor, max), retryable.retryAfter());
    }
    if (outcome instanceof DeliveryOutcome.Rejected rejected) {
      return new DeliveryOutcome.Rejected(rejected.code(), clean(rejected.message(), redactor, max));
    }
    if (outcome instanceof DeliveryOutcome.AuthFailed refused) {
      return new DeliveryOutcome.AuthFailed(clean(refused.message(), redactor, max));
    }
    return outcome;
  }

  /** The text redacted, on one line, at most {@code max} characters, never blank. */
  static String clean(String text, Redactor redactor, int max) {
    return visible(redactor.redact(text), max, " ");
  }

  /** The text with each control or invisible formatting character replaced, cut, stripped, never blank. */
  private static String visible(String redacted, int max, String replacement) {
    StringBuilder line = new StringBuilder(Math.min(redacted.length(), max));
    for (int i = 0; i < redacted.length() && line.length() < max; i++) {
      char c = redacted.charAt(i);
      if (Character.isISOControl(c) || isInvisibleFormat(c)) {
        line.append(replacement);
      } else {
        line.append(c);
      }
    }
    String cleaned = line.toString().strip();
    return cleaned.isEmpty() ? BLANK : cleaned;
  }

  /** Bidi overrides and zero-width characters: they make a text show something else than it holds. */
  private static boolean isInvisibleFormat(char c) {
    return Character.getType(c) == Character.FORMAT;
  }
}
