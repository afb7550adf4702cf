package io.leadbridge.flags;

/**
 * Makes a text read from a plugin jar fit a flag description: control characters become spaces,
 * runs of white space one space, and it is cut at {@value #MAX_LENGTH} characters, so a hostile or
 * careless manifest cannot break the Unleash UI or the sync's diff. Stateless and thread-safe.
 */
final class PluginText {

  /** Long enough for a product name and a few words about it. */
  static final int MAX_LENGTH = 100;

  private PluginText() {}

  /** The cleaned text; empty for null or blank. */
  static String of(String text) {
    if (text == null) {
      return "";
    }
    String clean = text.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", " ").replaceAll("\\s+", " ").strip();
    return clean.length() <= MAX_LENGTH ? clean : clean.substring(0, MAX_LENGTH - 1).strip() + "…";
  }
}
