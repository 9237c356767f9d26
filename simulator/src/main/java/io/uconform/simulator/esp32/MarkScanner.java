package io.uconform.simulator.esp32;

import java.util.Arrays;

/**
 * Splits what the REPL's interpreter prints into program output and the driver's marks: a random
 * per-boot byte string followed by one tag byte (see {@code repl_host.py}). Program output passes
 * byte for byte, including any 0x04 it prints, so the raw REPL's framing cannot be forged by the
 * program. A mark split across reads is held back until it is complete. Not thread-safe.
 */
final class MarkScanner {

    /** Receives output and marks in the order they were printed. */
    interface Sink {
        void output(byte[] bytes, int off, int len);

        void mark(char tag);
    }

    private final byte[] mark;
    private byte[] held = new byte[0];

    MarkScanner(byte[] mark) {
        if (mark.length == 0) {
            throw new IllegalArgumentException("a mark must not be empty");
        }
        this.mark = mark.clone();
    }

    void feed(byte[] chunk, int len, Sink sink) {
        byte[] data = held.length == 0 ? Arrays.copyOf(chunk, len) : concat(held, chunk, len);
        held = new byte[0];
        int pos = 0;
        while (pos < data.length) {
            int at = indexOf(data, pos);
            if (at < 0) {
                int keep = partialMarkAtEnd(data, pos);
                if (data.length - pos - keep > 0) {
                    sink.output(data, pos, data.length - pos - keep);
                }
                held = Arrays.copyOfRange(data, data.length - keep, data.length);
                return;
            }
            if (at > pos) {
                sink.output(data, pos, at - pos);
            }
            int tagAt = at + mark.length;
            if (tagAt >= data.length) {
                held = Arrays.copyOfRange(data, at, data.length); // the tag byte is still on its way
                return;
            }
            sink.mark((char) (data[tagAt] & 0xFF));
            pos = tagAt + 1;
        }
    }

    private int indexOf(byte[] data, int from) {
        outer:
        for (int i = from; i <= data.length - mark.length; i++) {
            for (int j = 0; j < mark.length; j++) {
                if (data[i + j] != mark[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The length of the longest tail of data[from..] that is a beginning of the mark. */
    private int partialMarkAtEnd(byte[] data, int from) {
        for (int keep = Math.min(mark.length - 1, data.length - from); keep > 0; keep--) {
            if (Arrays.equals(data, data.length - keep, data.length, mark, 0, keep)) {
                return keep;
            }
        }
        return 0;
    }

    private static byte[] concat(byte[] a, byte[] b, int bLen) {
        byte[] out = Arrays.copyOf(a, a.length + bLen);
        System.arraycopy(b, 0, out, a.length, bLen);
        return out;
    }
}
