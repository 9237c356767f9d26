package io.uconform.repl;

import io.uconform.link.Link;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Bounded reads and writes on a board's link for the REPL: read until a marker, read exactly n
 * bytes, drain. Everything read also goes to the console tap. Every wait has a deadline.
 */
final class ReplIo {

    private final Link link;
    private final ConsoleTap tap;
    private final byte[] one = new byte[1];
    private boolean muted;

    ReplIo(Link link, ConsoleTap tap) {
        this.link = link;
        this.tap = tap;
    }

    /**
     * Keeps what is read from the console tap until the returned handle is closed: the raw REPL's
     * own exchange (window updates, end markers) is protocol, not something the board printed.
     */
    Muted mute() {
        boolean was = muted;
        muted = true;
        return () -> muted = was;
    }

    /** Gives {@code text} to the console tap as if the board had printed it. */
    void show(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        tap.accept(bytes, 0, bytes.length);
        tap.flush();
    }

    /** A {@link #mute()} scope. */
    interface Muted extends AutoCloseable {
        @Override
        void close();
    }

    String linkName() {
        return link.name();
    }

    void write(byte[] bytes) throws IOException {
        link.output().write(bytes);
        link.output().flush();
    }

    void write(String ascii) throws IOException {
        write(ascii.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** Reads until {@code marker} has been read; returns everything before it. */
    byte[] readUntil(byte[] marker, Duration timeout, String awaited) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int b = readByte(deadline, awaited, got);
            got.write(b);
            if (endsWith(got, marker)) {
                byte[] all = got.toByteArray();
                return Arrays.copyOf(all, all.length - marker.length);
            }
        }
    }

    byte[] readExactly(int n, Duration timeout, String awaited) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (got.size() < n) {
            got.write(readByte(deadline, awaited, got));
        }
        return got.toByteArray();
    }

    int readByte(Duration timeout, String awaited) throws IOException {
        return readByte(System.nanoTime() + timeout.toNanos(), awaited, new ByteArrayOutputStream());
    }

    boolean inputWaiting() throws IOException {
        return link.input().available() > 0;
    }

    /** Reads and discards until the board has been quiet for {@code quiet} (at most 3 s in all). */
    void drain(Duration quiet) throws IOException {
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        byte[] buf = new byte[1024];
        link.setReadTimeout(quiet);
        try {
            while (System.nanoTime() < until) {
                int n = link.input().read(buf);
                if (n < 0) {
                    throw new EOFException("link " + link.name() + " closed");
                }
                if (!muted) {
                    tap.accept(buf, 0, n);
                }
            }
        } catch (SocketTimeoutException e) {
            // quiet long enough
        }
    }

    private int readByte(long deadline, String awaited, ByteArrayOutputStream sofar) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw timeout(awaited, sofar);
        }
        link.setReadTimeout(Duration.ofNanos(left));
        int n;
        try {
            n = link.input().read(one, 0, 1);
        } catch (SocketTimeoutException e) {
            throw timeout(awaited, sofar);
        }
        if (n < 0) {
            throw new EOFException("link " + link.name() + " closed while waiting for " + awaited);
        }
        if (!muted) {
            tap.accept(one, 0, 1);
        }
        return one[0] & 0xFF;
    }

    private SocketTimeoutException timeout(String awaited, ByteArrayOutputStream sofar) {
        String tail = printable(sofar.toByteArray());
        return new SocketTimeoutException("timed out waiting for " + awaited + " on " + link.name()
                + (tail.isEmpty() ? " (nothing received)" : " (last received: '" + tail + "')"));
    }

    static String printable(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        int from = Math.max(0, bytes.length - 80);
        for (int i = from; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            s.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        return s.toString();
    }

    private static boolean endsWith(ByteArrayOutputStream out, byte[] marker) {
        if (out.size() < marker.length) {
            return false;
        }
        byte[] all = out.toByteArray();
        for (int i = 0; i < marker.length; i++) {
            if (all[all.length - marker.length + i] != marker[i]) {
                return false;
            }
        }
        return true;
    }
}
