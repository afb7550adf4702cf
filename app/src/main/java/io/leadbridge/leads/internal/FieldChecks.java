package io.leadbridge.leads.internal;

import io.leadbridge.errors.FieldError;
import io.leadbridge.web.TextRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects field errors by JSON path while a body is checked; messages never echo the value (it is
 * personal data). Not thread-safe: one instance per check.
 */
final class FieldChecks {

  private final List<FieldError> errors = new ArrayList<>();

  List<FieldError> errors() {
    return List.copyOf(errors);
  }

  void fail(String path, String message) {
    errors.add(new FieldError(path, message));
  }

  /** A text that must be present and not blank, within the length. */
  void requiredText(String path, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      fail(path, "is required");
    } else {
      optionalText(path, value, maxLength);
    }
  }

  /**
   * One line of text that may be absent; when present, at most {@code maxLength} characters and
   * none that {@link TextRules#SINGLE_LINE} refuses (NUL among them: PostgreSQL cannot store one).
   */
  void optionalText(String path, String value, int maxLength) {
    text(path, value, maxLength, TextRules.isSingleLine(value == null ? "" : value), TextRules.SINGLE_LINE_MESSAGE);
  }

  /** Free text that may be absent and may hold line breaks ({@link TextRules#PLAIN_TEXT}). */
  void optionalPlainText(String path, String value, int maxLength) {
    text(path, value, maxLength, TextRules.isPlainText(value == null ? "" : value), TextRules.PLAIN_TEXT_MESSAGE);
  }

  private void text(String path, String value, int maxLength, boolean allowedCharacters, String rule) {
    if (value != null && value.length() > maxLength) {
      fail(path, "must be at most " + maxLength + " characters");
    } else if (value != null && !allowedCharacters) {
      fail(path, rule);
    }
  }

  /** An optional text that must match the pattern when present. */
  void optionalFormat(String path, String value, Pattern format, String description) {
    if (value != null && !format.matcher(value).matches()) {
      fail(path, "must be " + description);
    }
  }

  /** An optional text that must be one of the allowed values when present. */
  void optionalChoice(String path, String value, Set<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      fail(path, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
  }

  /** An optional number within [min, max]. */
  void optionalRange(String path, Number value, long min, long max) {
    if (value != null && (value.longValue() < min || value.longValue() > max)) {
      fail(path, "must be between " + min + " and " + max);
    }
  }

  /** A list no longer than {@code max} entries; true when it has entries to check one by one. */
  boolean boundedList(String path, List<?> list, int max) {
    if (list == null || list.isEmpty()) {
      return false;
    }
    if (list.size() > max) {
      fail(path, "must have at most " + max + " entries");
      return false;
    }
    return true;
  }
}
