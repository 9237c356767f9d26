package io.uconform.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Buffered reads from a socket against a deadline: every blocking read gets the time left as its
 * socket timeout, so no read outlives the caller's budget. Keeps a record of the bytes consumed
 * since the last {@link #takeConsumed()} for the transcript.
 */
final class SocketInput {

    /** Thrown when the deadline passes before the wanted bytes arrive. */
    static final class DeadlineException extends IOException {
        DeadlineException() {
            super("deadline passed");
        }
    }

    /** Thrown when the peer closed the stream before the wanted bytes arrived. */
    static final class EndOfStreamException extends IOException {
        EndOfStreamException() {
            super("end of stream");
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int limit;
    private final ByteArrayOutputStream consumed = new ByteArrayOutputStream();

    SocketInput(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Reads one byte; -1 only at end of stream. */
    int read(long deadlineNanos) throws IOException {
        if (pos == limit && !fill(deadlineNanos)) {
            return -1;
        }
        int b = buf[pos++] & 0xff;
        consumed.write(b);
        return b;
    }

    /** Reads a line ended by LF (a preceding CR is dropped), as ISO-8859-1 text. */
    String readLine(long deadlineNanos, int maxBytes) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = read(deadlineNanos);
            if (b < 0) {
                throw new EndOfStreamException();
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= maxBytes) {
                throw new IOException("line longer than " + maxBytes + " bytes");
            }
            line.write(b);
        }
    }

    /** Reads exactly {@code n} bytes. */
    byte[] readExactly(long n, long deadlineNanos) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(n, 1 << 20));
        for (long i = 0; i < n; i++) {
            int b = read(deadlineNanos);
            if (b < 0) {
                throw new EndOfStreamException();
            }
            out.write(b);
        }
        return out.toByteArray();
    }

    /** Reads until the peer closes the stream. */
    byte[] readToEnd(long deadlineNanos) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = read(deadlineNanos)) >= 0) {
            out.write(b);
        }
        return out.toByteArray();
    }

    /** The bytes consumed since the last call (the raw response, for the transcript). */
    byte[] takeConsumed() {
        byte[] bytes = consumed.toByteArray();
        consumed.reset();
        return bytes;
    }

    private boolean fill(long deadlineNanos) throws IOException {
        long leftMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (leftMillis <= 0) {
            throw new DeadlineException();
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMillis));
        // only called when every buffered byte was consumed
        pos = 0;
        limit = 0;
        int n;
        try {
            n = in.read(buf, 0, buf.length);
        } catch (SocketTimeoutException e) {
            throw new DeadlineException();
        }
        if (n < 0) {
            return false;
        }
        limit = n;
        return true;
    }
}
