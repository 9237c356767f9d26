package io.uconform.server.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Socket output whose every write is bounded: a watchdog closes the socket when one write blocks
 * longer than the write timeout (a client that stopped reading), so the write fails instead of hanging.
 */
final class DeadlineOutputStream extends OutputStream {
    private final Socket socket;
    private final OutputStream out;
    private final ScheduledExecutorService watchdog;
    private final long timeoutMillis;

    DeadlineOutputStream(Socket socket, ScheduledExecutorService watchdog, long timeoutMillis) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.watchdog = watchdog;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ScheduledFuture<?> guard = watchdog.schedule(this::abort, timeoutMillis, TimeUnit.MILLISECONDS);
        try {
            out.write(b, off, len);
        } finally {
            guard.cancel(false);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void abort() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is the whole point; nothing more to do
        }
    }
}
