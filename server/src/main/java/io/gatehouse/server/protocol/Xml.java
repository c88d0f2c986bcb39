package io.gatehouse.server.protocol;

/** Writes XML text content. */
final class Xml {

    private static final char REPLACEMENT = '\uFFFD';

    private Xml() {
    }

    /**
     * Appends {@code text} escaped for element content. Characters XML 1.0 cannot carry at all (most C0 controls,
     * unpaired surrogates, U+FFFE and U+FFFF) become U+FFFD, so the document always parses; a carriage return is
     * written as a character reference so that parsers do not turn it into a line feed.
     */
    static void text(StringBuilder out, String text) {
        int length = text.length();
        int start = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            String replacement;
            if (c == '<') {
                replacement = "&lt;";
            } else if (c == '>') {
                replacement = "&gt;";
            } else if (c == '&') {
                replacement = "&amp;";
            } else if (c == '\r') {
                replacement = "&#13;";
            } else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0xFFFE || c == 0xFFFF) {
                replacement = String.valueOf(REPLACEMENT);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                replacement = String.valueOf(REPLACEMENT);
            } else {
                continue;
            }
            out.append(text, start, i).append(replacement);
            start = i + 1;
        }
        out.append(text, start, length);
    }
}
