package io.leadbridge.plugins.adf.internal;

/**
 * Makes a text writable as XML 1.0 character data: characters XML cannot carry at all (most C0
 * controls, unpaired surrogates, U+FFFE and U+FFFF) become a space, since no escaping can carry
 * them and a writer would otherwise emit a document no parser accepts. Escaping of {@code &},
 * {@code <} and quotes is the XML writer's. Stateless and thread-safe.
 */
final class XmlText {

    private XmlText() {
    }

    static String writable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            out.appendCodePoint(isXmlChar(c) ? c : ' ');
            i += Character.charCount(c);
        }
        return out.toString();
    }

    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
