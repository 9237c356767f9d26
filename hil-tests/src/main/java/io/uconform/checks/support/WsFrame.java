package io.uconform.checks.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A WebSocket frame (RFC 6455 section 5.2) and its client-side encoding: any FIN, RSV, opcode,
 * mask bit and payload, valid or not, so checks can send exactly the violation they test.
 */
public record WsFrame(boolean fin, int rsv, int opcode, byte[] payload) {

    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The status code of a CLOSE frame; -1 when it has none. */
    public int closeCode() {
        return payload.length < 2 ? -1 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
    }

    /** The wire bytes; masked with a key from {@code random} when {@code masked}. */
    public byte[] encode(boolean masked, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 14);
        out.write((fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0F));
        int maskBit = masked ? 0x80 : 0;
        int n = payload.length;
        if (n <= 125) {
            out.write(maskBit | n);
        } else if (n <= 0xFFFF) {
            out.write(maskBit | 126);
            out.write(n >>> 8);
            out.write(n & 0xFF);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (((long) n >>> shift) & 0xFF));
            }
        }
        byte[] data = payload.clone();
        if (masked) {
            byte[] key = new byte[4];
            random.nextBytes(key);
            out.write(key, 0, 4);
            for (int i = 0; i < data.length; i++) {
                data[i] ^= key[i & 3];
            }
        }
        out.write(data, 0, data.length);
        return out.toByteArray();
    }

    /** The opcode's name in RFC 6455 5.2: {@code TEXT}, {@code PONG}, {@code reserved opcode 0x3}. */
    public static String name(int opcode) {
        switch (opcode) {
            case CONTINUATION:
                return "CONTINUATION";
            case TEXT:
                return "TEXT";
            case BINARY:
                return "BINARY";
            case CLOSE:
                return "CLOSE";
            case PING:
                return "PING";
            case PONG:
                return "PONG";
            default:
                return "reserved opcode 0x" + Integer.toHexString(opcode).toUpperCase(java.util.Locale.ROOT);
        }
    }

    /** In protocol words: "a TEXT frame (5 bytes 'hello')", "CLOSE 1002", "a BINARY frame (not FIN, RSV 4, 3 bytes 00 01 02)". */
    public String describe() {
        if (opcode == CLOSE && fin && rsv == 0) {
            return payload.length < 2 ? "a CLOSE frame without a status code" : "CLOSE " + closeCode()
                    + (payload.length > 2 ? " ('" + new String(payload, 2, Math.min(payload.length - 2, 40),
                    StandardCharsets.UTF_8) + "')" : "");
        }
        StringBuilder flags = new StringBuilder();
        if (!fin) {
            flags.append("not FIN, ");
        }
        if (rsv != 0) {
            flags.append("RSV ").append(rsv).append(", ");
        }
        return "a " + name(opcode) + " frame (" + flags + payload.length + (payload.length == 1 ? " byte" : " bytes")
                + (payload.length == 0 ? ""
                : " " + sample()) + ")";
    }

    private String sample() {
        if (opcode == TEXT || opcode == CLOSE || opcode == PING || opcode == PONG) {
            String text = new String(payload, 0, Math.min(payload.length, 40), StandardCharsets.UTF_8);
            if (text.chars().noneMatch(ch -> ch == 0xFFFD || ch < 0x20)) {
                return "'" + text + (payload.length > 40 ? "..." : "") + "'";
            }
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(payload.length, 8); i++) {
            hex.append(i == 0 ? "" : " ").append(String.format("%02X", payload[i] & 0xFF));
        }
        return hex + (payload.length > 8 ? " ..." : "");
    }

    @Override
    public String toString() {
        return "WsFrame[fin=" + fin + ", rsv=" + rsv + ", opcode=0x" + Integer.toHexString(opcode) + ", "
                + payload.length + " bytes]";
    }
}
