package io.uconform.simulator.esp32;

import io.uconform.link.Link;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Test helper: writes bytes to a link and reads until an expected byte string arrives (bounded). */
final class SerialScript {

    private final Link link;

    SerialScript(Link link) {
        this.link = link;
    }

    void send(String latin1) throws IOException {
        link.output().write(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Everything read up to and including {@code expected}; fails with what was read on timeout. */
    String readUntil(String expected, Duration timeout) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!got.toString(StandardCharsets.ISO_8859_1).endsWith(expected)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out waiting for '" + escape(expected) + "'; got '"
                        + escape(got.toString(StandardCharsets.ISO_8859_1)) + "'");
            }
            link.setReadTimeout(Duration.ofNanos(left));
            try {
                int b = link.input().read();
                if (b < 0) {
                    throw new AssertionError("link closed; got '" + escape(got.toString(StandardCharsets.ISO_8859_1)) + "'");
                }
                got.write(b);
            } catch (SocketTimeoutException e) {
                // loop: the deadline check reports it
            }
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return b.toString();
    }
}
