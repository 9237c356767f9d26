package io.uconform.link;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * SLIP framing as the ESP ROM bootloader uses it: {@code 0xC0} ends a frame, {@code 0xDB 0xDC}
 * stands for {@code 0xC0} and {@code 0xDB 0xDD} for {@code 0xDB}. Shared by the flasher and the
 * virtual ESP32 so both sides frame bytes the same way.
 */
public final class Slip {

    public static final int END = 0xC0;
    public static final int ESC = 0xDB;
    public static final int ESC_END = 0xDC;
    public static final int ESC_ESC = 0xDD;

    /** Bytes outside frames tolerated before {@link #readFrame} gives up (boot log, panic text). */
    static final int MAX_NOISE = 64 * 1024;

    private Slip() {
    }

    /** Wraps {@code payload} in a frame: END, escaped payload, END. */
    public static byte[] encode(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 16);
        out.write(END);
        for (byte b : payload) {
            int v = b & 0xFF;
            if (v == END) {
                out.write(ESC);
                out.write(ESC_END);
            } else if (v == ESC) {
                out.write(ESC);
                out.write(ESC_ESC);
            } else {
                out.write(v);
            }
        }
        out.write(END);
        return out.toByteArray();
    }

    /**
     * Reads the next non-empty frame. Bytes before the opening END are skipped as noise (at most
     * {@value #MAX_NOISE}). Each read honours the stream's own timeout, so a silent peer ends the
     * call with the stream's timeout exception.
     *
     * @throws SlipException on a bad escape or too much noise
     * @throws EOFException  when the stream ends
     */
    public static byte[] readFrame(InputStream in) throws IOException {
        int noise = 0;
        int b;
        while ((b = read(in)) != END) {
            if (++noise > MAX_NOISE) {
                throw new SlipException("no SLIP frame within " + MAX_NOISE + " bytes of other output");
            }
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream(256);
        while (true) {
            b = read(in);
            if (b == END) {
                if (frame.size() > 0) {
                    return frame.toByteArray();
                }
                continue; // back-to-back END bytes: an empty frame, skip it
            }
            if (b == ESC) {
                int e = read(in);
                if (e == ESC_END) {
                    frame.write(END);
                } else if (e == ESC_ESC) {
                    frame.write(ESC);
                } else {
                    throw new SlipException(String.format("bad SLIP escape 0xDB 0x%02X", e));
                }
            } else {
                frame.write(b);
            }
        }
    }

    private static int read(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("link closed while reading a SLIP frame");
        }
        return b;
    }
}
