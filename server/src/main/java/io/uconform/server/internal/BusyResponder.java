package io.uconform.server.internal;

import io.uconform.server.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.concurrent.Semaphore;

/**
 * Takes connections that found no free client slot off the acceptor thread, which never blocks: on
 * a short-lived thread each waits up to the slot grace (a tenth of the header timeout, at most
 * 100 ms) for a slot that is about to free (a connection that just reset or ended) and is then
 * served as usual; otherwise it is answered 503 with {@code Connection: close} (LIM-05, LIM-09). At
 * most a few at once; the rest get nothing but the close.
 */
final class BusyResponder {
    // a burst of resets (ERR-05 sends 20) must not take every busy answer for its grace period and
    // leave a live newcomer with a bare close; still a bound on threads under a flood
    private static final int MAX_CONCURRENT = 32;
    private static final int READ_WAIT_MILLIS = 300;
    private static final int MAX_HEAD_BYTES = 8192;

    private final Engine engine;
    private final Semaphore permits = new Semaphore(MAX_CONCURRENT);

    BusyResponder(Engine engine) {
        this.engine = engine;
    }

    void reject(Socket socket) {
        if (!permits.tryAcquire()) {
            engine.stats.connectionsRejected.incrementAndGet();
            Sockets.closeQuietly(socket);
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                if (engine.awaitSlot(engine.slotGrace())) {
                    engine.startWorker(socket);
                    return;
                }
                engine.stats.connectionsRejected.incrementAndGet();
                answer(socket);
            } catch (RuntimeException | Error e) {
                Sockets.closeQuietly(socket);
            } finally {
                permits.release();
            }
        }, "uconform-busy-" + socket.getPort());
        thread.setDaemon(true);
        try {
            thread.start();
        } catch (RuntimeException | Error e) {
            permits.release();
            Sockets.closeQuietly(socket);
        }
    }

    private void answer(Socket socket) {
        try {
            socket.setSoTimeout(READ_WAIT_MILLIS);
            skipRequestHead(socket.getInputStream());
            Response busy = Response.error(503, "server busy: all " + engine.limits.maxClients()
                    + " client slots are in use").withHeader("Retry-After", "1");
            DeadlineOutputStream out = new DeadlineOutputStream(socket, engine.watchdog,
                    engine.limits.writeTimeout().toMillis());
            engine.newWriter(out).write(busy, false, ResponseWriter.ConnectionHeader.CLOSE, false);
        } catch (IOException | RuntimeException ignored) {
            // the client left or never spoke; the close below is all that is left to do
        }
        Sockets.closeGracefully(socket, false);
    }

    /** Reads what the client sent so far (up to the end of its head), so the answer is not lost to a reset. */
    private static void skipRequestHead(InputStream in) throws IOException {
        int matched = 0;
        for (int i = 0; i < MAX_HEAD_BYTES; i++) {
            int b;
            try {
                b = in.read();
            } catch (java.net.SocketTimeoutException e) {
                return;
            }
            if (b < 0) {
                return;
            }
            matched = (b == '\n') ? (matched == 1 ? 2 : 1) : (b == '\r' ? matched : 0);
            if (matched == 2) {
                return;
            }
        }
    }
}
