package io.leadbridge.integrations.internal;

/**
 * What the JDK HTTP client takes as a header value: TAB, printable ASCII and ISO-8859-1 past
 * U+007F; anything else (CR, LF, NUL, DEL, U+0100 and up) makes it throw an exception that quotes
 * the value, so the deliverer checks first and fails with a text that names the field only.
 * Stateless and thread-safe.
 */
final class HeaderValues {

  private HeaderValues() {}

  static boolean sendable(CharSequence value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
        return false;
      }
    }
    return true;
  }
}
