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

    @Override
    public String toString() {
        return "WsFrame[fin=" + fin + ", rsv=" + rsv + ", opcode=0x" + Integer.toHexString(opcode) + ", "
                + payload.length + " bytes]";
    }
}
