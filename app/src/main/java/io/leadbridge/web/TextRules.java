package io.leadbridge.web;

import java.util.regex.Pattern;

/**
 * The characters names, identifiers and free texts of the API may hold, as patterns that both
 * {@code @Pattern} (Java) and the published document (ECMA-262, hence backslash-u escapes) read
 * alike. Invisible characters are refused because they make two different values look the same in
 * a CRM, a log or a spreadsheet, or reorder what is shown (bidi overrides). Stateless and thread-safe.
 */
public final class TextRules {

  /**
   * Bidi controls (ALM, LRM/RLM, embeddings, overrides, isolates), zero-width characters (space,
   * joiners, word joiner, invisible operators, BOM, Mongolian vowel separator) and the Unicode
   * line and paragraph separators.
   */
  private static final String INVISIBLE =
      "\\u061C\\u180E\\u200B-\\u200F\\u2028\\u2029\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF";

  /** One line: no C0 or C1 control character (TAB, CR and LF included), no DEL, nothing invisible. */
  public static final String SINGLE_LINE = "[^\\u0000-\\u001F\\u007F-\\u009F" + INVISIBLE + "]*";
  public static final String SINGLE_LINE_MESSAGE =
      "must not contain control characters, line breaks, bidirectional controls or zero-width characters";

  /** Free text such as comments: like {@link #SINGLE_LINE}, but TAB, LF and CR are allowed. */
  public static final String PLAIN_TEXT = "[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F" + INVISIBLE + "]*";
  public static final String PLAIN_TEXT_MESSAGE =
      "must not contain control characters other than line breaks and TAB, bidirectional controls or"
          + " zero-width characters";

  private static final Pattern SINGLE_LINE_PATTERN = Pattern.compile(SINGLE_LINE);
  private static final Pattern PLAIN_TEXT_PATTERN = Pattern.compile(PLAIN_TEXT);

  private TextRules() {}

  public static boolean isSingleLine(String value) {
    return SINGLE_LINE_PATTERN.matcher(value).matches();
  }

  public static boolean isPlainText(String value) {
    return PLAIN_TEXT_PATTERN.matcher(value).matches();
  }
}
