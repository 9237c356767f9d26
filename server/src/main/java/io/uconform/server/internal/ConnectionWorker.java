package io.uconform.server.internal;

import io.uconform.server.ServerFault;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves one connection on its own thread: waits for each request (header timeout for the first,
 * keep-alive idle timeout between requests), runs an {@link Exchange}, and stops on close, limits,
 * errors or server shutdown. Catches everything; always frees its client slot.
 */
final class ConnectionWorker implements Runnable {
    private static final System.Logger LOG = System.getLogger("io.uconform.server");
    /** Stand-in for "no timeout" in fault injection; still bounded so no test can hang forever. */
    private static final long FAULT_WAIT_NANOS = 600_000_000_000L;
    private static final int BUSY = 0;
    private static final int IDLE = 1;
    private static final int EVICTED = 2;

    private final Engine engine;
    private final Socket socket;
    private final Thread thread;
    private final AtomicInteger state = new AtomicInteger(BUSY);
    private final long connectedAt = System.nanoTime();
    private volatile long idleSince;

    ConnectionWorker(Engine engine, Socket socket) {
        this.engine = engine;
        this.socket = socket;
        this.thread = new Thread(this, "uconform-conn-" + socket.getPort());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    Thread thread() {
        return thread;
    }

    /** True while waiting between requests (a candidate for eviction). */
    boolean isIdle() {
        return state.get() == IDLE;
    }

    /** When the current idle period began ({@link System#nanoTime()}); meaningful while idle. */
    long idleSince() {
        return idleSince;
    }

    /** Closes the connection when it is idle between requests; true if it was. */
    boolean tryEvict() {
        if (state.compareAndSet(IDLE, EVICTED)) {
            Sockets.closeQuietly(socket);
            return true;
        }
        return false;
    }

    /** Server shutdown: close the socket and interrupt whatever the connection's code is waiting on. */
    void abort() {
        Sockets.closeQuietly(socket);
        thread.interrupt();
    }

    @Override
    public void run() {
        ConnectionInput in = null;
        try {
            socket.setTcpNoDelay(true);
            in = new ConnectionInput(socket, (int) engine.limits.headerTimeout().toMillis());
            OutputStream out = new BufferedOutputStream(
                    new DeadlineOutputStream(socket, engine.watchdog, engine.limits.writeTimeout().toMillis()), 8192);
            serve(in, out);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "connection {0} ended: {1}", remote(), e.toString());
        } catch (RuntimeException | Error e) {
            engine.stats.internalErrors.incrementAndGet();
            LOG.log(System.Logger.Level.ERROR, "connection " + remote() + " failed", e);
        } finally {
            if (state.get() == EVICTED || !engine.isRunning()) {
                Sockets.closeQuietly(socket);
            } else {
                Sockets.closeGracefully(socket, in != null && in.sawEof());
            }
            engine.connectionEnded(this);
        }
    }

    private void serve(ConnectionInput in, OutputStream out) throws IOException {
        Exchange exchange = new Exchange(engine, in, out, remote());
        int max = engine.limits.maxRequestsPerConnection();
        long headerNanos = engine.limits.headerTimeout().toNanos();
        for (int served = 0; served < max && engine.isRunning(); served++) {
            boolean first = served == 0;
            if (!awaitRequestStart(in, first, headerNanos)) {
                return;
            }
            long headDeadline = engine.options.has(ServerFault.NO_HEADER_TIMEOUT)
                    ? System.nanoTime() + FAULT_WAIT_NANOS
                    : (first ? connectedAt : System.nanoTime()) + headerNanos;
            in.setDeadline(headDeadline);
            boolean keep = exchange.run(served + 1 >= max);
            in.clearDeadline();
            if (!keep) {
                return;
            }
            if (engine.options.has(ServerFault.PIPELINE_DROPPED)) {
                in.discardBuffered();
            }
        }
    }

    /** Waits for the first byte of the next request; false on EOF, idle timeout or eviction. */
    private boolean awaitRequestStart(ConnectionInput in, boolean first, long headerNanos) throws IOException {
        long wait = first ? headerNanos : engine.limits.keepAliveIdle().toNanos();
        if (!first && engine.options.has(ServerFault.NO_IDLE_TIMEOUT)) {
            wait = FAULT_WAIT_NANOS;
        }
        idleSince = System.nanoTime();
        if (!first && !state.compareAndSet(BUSY, IDLE)) {
            return false;
        }
        in.setDeadline((first ? connectedAt : System.nanoTime()) + wait);
        try {
            boolean data = in.fillIfEmpty();
            return data && state.compareAndSet(first ? BUSY : IDLE, BUSY);
        } catch (SocketTimeoutException e) {
            LOG.log(System.Logger.Level.DEBUG, "connection {0} idle, closing", remote());
            return false;
        } catch (IOException e) {
            if (state.get() == EVICTED) {
                return false;
            }
            throw e;
        }
    }

    private String remote() {
        return socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }
}
