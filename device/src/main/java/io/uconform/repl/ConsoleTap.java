package io.uconform.repl;

import io.uconform.console.ConsoleCapture;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns bytes read from a board into console lines ({@code \r} dropped, split on {@code \n},
 * control bytes of the REPL protocol removed) and feeds them to a {@link ConsoleCapture}, which
 * masks secrets. The unfinished last line is kept for error messages. Thread-safe.
 */
public final class ConsoleTap {

    private static final int MAX_LINE = 4096;

    private final ConsoleCapture capture;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    public ConsoleTap(ConsoleCapture capture) {
        this.capture = capture;
    }

    public ConsoleCapture capture() {
        return capture;
    }

    public synchronized void accept(byte[] data, int off, int len) {
        for (int i = off; i < off + len; i++) {
            int b = data[i] & 0xFF;
            if (b == '\n' || line.size() >= MAX_LINE) {
                flush();
            } else if (b >= 0x20 || b == '\t') {
                line.write(b);
            }
        }
    }

    /** Emits the unfinished line (e.g. a prompt), if any. */
    public synchronized void flush() {
        if (line.size() > 0) {
            capture.accept(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
    }

    /** The unfinished line so far, masked like every captured line. */
    public synchronized String partial() {
        return line.toString(StandardCharsets.UTF_8);
    }
}
