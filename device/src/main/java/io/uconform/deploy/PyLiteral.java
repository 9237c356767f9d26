package io.uconform.deploy;

import java.nio.charset.StandardCharsets;

/** Python literals for embedding paths and file bytes in snippets (valid for MicroPython and CPython). */
final class PyLiteral {

    private PyLiteral() {
    }

    /** A str literal; non-ASCII goes as UTF-8 bytes decoded on the board. */
    static String str(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        boolean ascii = utf8.length == s.length();
        return ascii ? "'" + escape(utf8) + "'" : bytes(utf8) + ".decode()";
    }

    /** A bytes literal: printable ASCII as is, everything else as {@code \xHH}. */
    static String bytes(byte[] data) {
        return "b'" + escape(data) + "'";
    }

    private static String escape(byte[] data) {
        StringBuilder s = new StringBuilder(data.length + 16);
        for (byte value : data) {
            int b = value & 0xFF;
            if (b == '\\' || b == '\'') {
                s.append('\\').append((char) b);
            } else if (b >= 0x20 && b < 0x7F) {
                s.append((char) b);
            } else {
                s.append(String.format("\\x%02x", b));
            }
        }
        return s.toString();
    }
}
