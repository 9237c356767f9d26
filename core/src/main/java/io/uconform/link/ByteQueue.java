package io.uconform.link;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/**
 * One direction of an in-memory link: a bounded byte buffer with a blocking, time-bounded read
 * and write. Closing it ends the stream for the reader (after the buffered bytes) and makes later
 * writes fail, the way a cut cable does.
 */
final class ByteQueue {

    private final byte[] buffer;
    private int head;
    private int size;
    private boolean closed;

    ByteQueue(int capacity) {
        this.buffer = new byte[capacity];
    }

    synchronized void write(byte[] data, int off, int len, long timeoutNanos) throws IOException {
        long deadline = System.nanoTime() + timeoutNanos;
        int written = 0;
        while (written < len) {
            if (closed) {
                throw new IOException("link closed");
            }
            int free = buffer.length - size;
            if (free == 0) {
                await(deadline, "write: the peer read nothing for " + timeoutNanos / 1_000_000 + " ms");
                continue;
            }
            int n = Math.min(free, len - written);
            for (int i = 0; i < n; i++) {
                buffer[(head + size + i) % buffer.length] = data[off + written + i];
            }
            size += n;
            written += n;
            notifyAll();
        }
    }

    /** Reads at least one byte; -1 at end of stream; throws {@link SocketTimeoutException} on timeout. */
    synchronized int read(byte[] into, int off, int len, long timeoutNanos) throws IOException {
        if (len == 0) {
            return 0;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (size == 0) {
            if (closed) {
                return -1;
            }
            await(deadline, "read timed out after " + timeoutNanos / 1_000_000 + " ms");
        }
        int n = Math.min(len, size);
        for (int i = 0; i < n; i++) {
            into[off + i] = buffer[(head + i) % buffer.length];
        }
        head = (head + n) % buffer.length;
        size -= n;
        notifyAll();
        return n;
    }

    synchronized int available() {
        return size;
    }

    synchronized void clear() {
        head = 0;
        size = 0;
        notifyAll();
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private void await(long deadline, String timeoutMessage) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException(timeoutMessage);
        }
        try {
            wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting on the link");
        }
    }
}
