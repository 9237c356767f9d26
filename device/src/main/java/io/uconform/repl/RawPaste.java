package io.uconform.repl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Raw-paste mode: the board compiles while receiving and paces the host with a window. Request
 * with {@code 05 41 01}; {@code R 01} accepts, then a u16 window W; each {@code 01} from the board
 * grants W more bytes, {@code 04} aborts. The end is a {@code 04}, acknowledged by a {@code 04}.
 */
final class RawPaste {

    private static final Duration STEP = Duration.ofSeconds(10);
    private static final byte[] OLD_FIRMWARE_TAIL = "w REPL; CTRL-B to exit\r\n>".getBytes(StandardCharsets.US_ASCII);

    private final ReplIo io;

    RawPaste(ReplIo io) {
        this.io = io;
    }

    /** Sends {@code source}; false (and the REPL back at its prompt) when the board does not do raw-paste. */
    boolean send(byte[] source) throws IOException {
        io.write(new byte[] {0x05, 'A', 0x01});
        byte[] answer = io.readExactly(2, STEP, "the raw-paste answer");
        if (answer[0] == 'R' && answer[1] == 0x00) {
            return false;
        }
        if (answer[0] != 'R' || answer[1] != 0x01) {
            io.readUntil(OLD_FIRMWARE_TAIL, STEP, "the raw REPL prompt of an old firmware");
            return false;
        }
        byte[] w = io.readExactly(2, STEP, "the raw-paste window size");
        int window = (w[0] & 0xFF) | (w[1] & 0xFF) << 8;
        int remaining = window;
        int sent = 0;
        while (sent < source.length) {
            while (remaining == 0 || io.inputWaiting()) {
                int b = io.readByte(STEP, "a raw-paste window update");
                if (b == 0x01) {
                    remaining += window;
                } else if (b == 0x04) {
                    io.write(RawRepl.EOT);
                    throw new IOException("the board aborted the raw-paste transfer after " + sent + " bytes");
                } else {
                    throw new IOException(String.format("raw-paste protocol error: unexpected byte 0x%02x", b));
                }
            }
            int n = Math.min(remaining, source.length - sent);
            io.write(java.util.Arrays.copyOfRange(source, sent, sent + n));
            sent += n;
            remaining -= n;
        }
        io.write(RawRepl.EOT);
        io.readUntil(RawRepl.EOT, STEP, "the raw-paste end acknowledgement");
        return true;
    }
}
