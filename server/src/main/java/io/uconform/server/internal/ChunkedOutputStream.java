package io.uconform.server.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Frames a streamed body as HTTP chunks (CHUNK-02): writes are buffered, and every {@code flush()}
 * (or a full buffer) emits one chunk. {@link #finish()} writes the zero chunk.
 */
final class ChunkedOutputStream extends OutputStream {
    private final OutputStream out;
    private final byte[] buffer = new byte[8192];
    private int count;
    private boolean finished;

    ChunkedOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            emitChunk();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        while (len > 0) {
            if (count == buffer.length) {
                emitChunk();
            }
            int n = Math.min(len, buffer.length - count);
            System.arraycopy(b, off, buffer, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        ensureOpen();
        emitChunk();
        out.flush();
    }

    /** Ignored: the engine ends the body with {@link #finish()}. */
    @Override
    public void close() {
    }

    void finish() throws IOException {
        if (!finished) {
            emitChunk();
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            finished = true;
        }
    }

    private void emitChunk() throws IOException {
        if (count == 0) {
            return;
        }
        out.write((Integer.toHexString(count) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(buffer, 0, count);
        out.write('\r');
        out.write('\n');
        count = 0;
    }

    private void ensureOpen() throws IOException {
        if (finished) {
            throw new IOException("chunked body already finished");
        }
    }
}
