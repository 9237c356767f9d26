package io.uconform.server.ws;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes server frames: unmasked, unfragmented, shortest length encoding. Not thread-safe. */
final class FrameWriter {

    private final OutputStream out;

    FrameWriter(OutputStream out) {
        this.out = out;
    }

    void write(int opcode, byte[] payload) throws IOException {
        out.write(0x80 | opcode);
        int n = payload.length;
        if (n <= 125) {
            out.write(n);
        } else if (n <= 0xFFFF) {
            out.write(126);
            out.write(n >>> 8);
            out.write(n & 0xFF);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (((long) n >>> shift) & 0xFF));
            }
        }
        out.write(payload);
        out.flush();
    }

    /** A CLOSE frame with a status code and a short reason (cut to fit 125 bytes). */
    void close(int code, String reason) throws IOException {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        int len = Math.min(text.length, FrameReader.MAX_CONTROL_PAYLOAD - 2);
        while (len > 0 && len < text.length && (text[len] & 0xC0) == 0x80) {
            len--; // never cut inside a UTF-8 sequence
        }
        byte[] payload = new byte[2 + len];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, len);
        write(WsFrame.CLOSE, payload);
    }
}
