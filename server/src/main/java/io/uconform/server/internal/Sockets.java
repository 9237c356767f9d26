package io.uconform.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/** Socket helpers that never throw. */
final class Sockets {
    private static final int LINGER_MAX_BYTES = 256 * 1024;
    private static final long LINGER_MAX_NANOS = 1_000_000_000L;

    private Sockets() {
    }

    /**
     * Closes after the response was sent: half-close, then read and drop what the client still
     * sends (bounded in bytes and time) so that unread input does not turn the close into a reset
     * that could destroy the response before the client read it.
     */
    static void closeGracefully(Socket socket, boolean peerClosed) {
        try {
            if (!socket.isClosed() && !peerClosed) {
                socket.shutdownOutput();
                socket.setSoTimeout(200);
                InputStream in = socket.getInputStream();
                byte[] sink = new byte[8192];
                long start = System.nanoTime();
                int total = 0;
                while (total < LINGER_MAX_BYTES && System.nanoTime() - start < LINGER_MAX_NANOS) {
                    int n = in.read(sink);
                    if (n < 0) {
                        break;
                    }
                    total += n;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // the client is gone or silent; close below either way
        }
        closeQuietly(socket);
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception ignored) {
            // nothing useful to do when close fails
        }
    }
}
