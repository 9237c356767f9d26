package io.uconform.client;

/** Renders raw protocol bytes readably: CR/LF shown as {@code \r\n}, other controls as {@code \xNN}. */
final class Escapes {

    private Escapes() {
    }

    static String printable(byte[] bytes, int max) {
        int n = Math.min(bytes.length, max);
        StringBuilder out = new StringBuilder(n + 32);
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == '\n') {
                out.append("\\n\n");
            } else if (b == '\r') {
                out.append("\\r");
            } else if (b == '\t' || (b >= 0x20 && b < 0x7f)) {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02x", b));
            }
        }
        if (bytes.length > max) {
            out.append("\n... (").append(bytes.length - max).append(" more bytes, ")
                    .append(bytes.length).append(" in all)");
        }
        return out.toString();
    }
}
