package io.uconform.console;

/**
 * Renders text from a target so that it cannot act on a terminal or a page: control characters
 * become escapes ({@code ESC} is {@code \x1b}, {@code BEL} is {@code \x07}, a lone carriage return
 * {@code \r}, C1 controls such as the 8-bit CSI {@code \x9b}), and so do the bidirectional
 * overrides that reorder what a reader sees ({@code \u202e}). Line feeds and tabs stay. Rendering is
 * idempotent: an escape it wrote is plain text.
 */
public final class VisibleText {

    private VisibleText() {
    }

    public static String of(String text) {
        if (text == null || text.chars().noneMatch(VisibleText::hidden)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!hidden(c)) {
                out.append(c);
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x100) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /** On one line: line feeds and tabs as escapes too (for a terminal's progress line). */
    public static String oneLine(String text) {
        return text == null ? null : of(text).replace("\n", "\\n").replace("\t", "\\t");
    }

    static boolean hidden(int c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                || c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
