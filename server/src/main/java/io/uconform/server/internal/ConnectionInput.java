package io.uconform.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * The buffered input side of one connection, with either an absolute deadline (a whole request
 * head) or a per-read timeout (bodies, taken-over connections). Every blocking read is bounded.
 */
public final class ConnectionInput extends InputStream {
    private final Socket socket;
    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int start;
    private int end;
    private long deadlineNanos;
    private int readTimeoutMillis;
    private int appliedTimeout = -1;
    private boolean eof;

    public ConnectionInput(Socket socket, int readTimeoutMillis) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /** Bounds all reads until {@link #clearDeadline()} by an absolute {@link System#nanoTime()} instant. */
    public void setDeadline(long nanoTime) {
        this.deadlineNanos = nanoTime;
    }

    public void clearDeadline() {
        this.deadlineNanos = 0;
    }

    public void setReadTimeoutMillis(int millis) {
        this.readTimeoutMillis = Math.max(1, millis);
    }

    /** Bytes already received and not yet consumed. */
    public int buffered() {
        return end - start;
    }

    /** A copy of up to {@code max} buffered bytes, without consuming them. */
    public byte[] peekBuffered(int max) {
        int n = Math.min(max, end - start);
        byte[] copy = new byte[n];
        System.arraycopy(buffer, start, copy, 0, n);
        return copy;
    }

    /** Drops what is buffered (fault injection: pipelined requests lost). */
    public void discardBuffered() {
        start = end;
    }

    public boolean sawEof() {
        return eof;
    }

    /**
     * Waits up to {@code millis} for at least one byte; true when one is buffered.
     * Never throws on timeout.
     */
    public boolean awaitData(int millis) throws IOException {
        if (buffered() > 0) {
            return true;
        }
        long saved = deadlineNanos;
        deadlineNanos = System.nanoTime() + millis * 1_000_000L;
        try {
            return fill();
        } catch (SocketTimeoutException e) {
            return false;
        } finally {
            deadlineNanos = saved;
        }
    }

    /** True when a byte is buffered or arrives before the deadline; false on EOF. */
    public boolean fillIfEmpty() throws IOException {
        return buffered() > 0 || fill();
    }

    @Override
    public int read() throws IOException {
        if (start == end && !fill()) {
            return -1;
        }
        return buffer[start++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (start == end && !fill()) {
            return -1;
        }
        int n = Math.min(len, end - start);
        System.arraycopy(buffer, start, b, off, n);
        start += n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return buffered() + (eof ? 0 : in.available());
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int timeout = readTimeoutMillis;
        if (deadlineNanos != 0) {
            long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000L;
            if (remaining <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            timeout = (int) Math.min(Integer.MAX_VALUE, remaining);
        }
        if (timeout != appliedTimeout) {
            socket.setSoTimeout(timeout);
            appliedTimeout = timeout;
        }
        start = 0;
        end = 0;
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            eof = true;
            return false;
        }
        end = n;
        return true;
    }
}
