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
 *
 * <p>Its phase decides whether the acceptor may drop it for a newcomer when every slot is taken:
 * {@link Phase#CLOSING} and {@link Phase#IDLE} connections first, then the one whose
 * {@link Phase#RECEIVING unfinished request} started the longest ago; never one whose request is
 * being handled.
 */
final class ConnectionWorker implements Runnable {
    private static final System.Logger LOG = System.getLogger("io.uconform.server");
    /** Stand-in for "no timeout" in fault injection; still bounded so no test can hang forever. */
    private static final long FAULT_WAIT_NANOS = 600_000_000_000L;

    /** Where a connection is in its life; {@link #EVICTED} is final. */
    enum Phase {
        /** Waiting for or reading a request (head or body): the client has not finished sending it. */
        RECEIVING,
        /** The request is complete and being handled or answered (a takeover stays here). */
        HANDLING,
        /** Between keep-alive requests. */
        IDLE,
        /** Answered; lingering for the client's last bytes before the close. */
        CLOSING,
        /** Dropped by the acceptor for a newcomer, which took its client slot. */
        EVICTED
    }

    private static final Phase[] PHASES = Phase.values();

    private final Engine engine;
    private final Socket socket;
    private final Thread thread;
    private final AtomicInteger phase = new AtomicInteger(Phase.RECEIVING.ordinal());
    private final long connectedAt = System.nanoTime();
    private volatile long idleSince;
    private volatile long requestStartedAt = connectedAt;

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

    Phase phase() {
        return PHASES[phase.get()];
    }

    /** When the current idle period began ({@link System#nanoTime()}); meaningful while idle. */
    long idleSince() {
        return idleSince;
    }

    /** When the request being received began: connecting for the first, its first byte for later ones. */
    long requestStartedAt() {
        return requestStartedAt;
    }

    /** Closes the connection if it is still in {@code expected}; true if it was (it is then {@link Phase#EVICTED}). */
    boolean tryEvict(Phase expected) {
        if (expected == Phase.HANDLING || expected == Phase.EVICTED) {
            throw new IllegalArgumentException("a connection is never evicted while " + expected);
        }
        if (moveTo(expected, Phase.EVICTED)) {
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
            boolean closing = phase() == Phase.CLOSING || moveTo(Phase.RECEIVING, Phase.CLOSING)
                    || moveTo(Phase.HANDLING, Phase.CLOSING) || moveTo(Phase.IDLE, Phase.CLOSING);
            if (!closing || !engine.isRunning()) {
                Sockets.closeQuietly(socket);
            } else {
                Sockets.closeGracefully(socket, in != null && in.sawEof());
            }
            engine.connectionEnded(this);
        }
    }

    private void serve(ConnectionInput in, OutputStream out) throws IOException {
        Exchange exchange = new Exchange(engine, in, out, remote(), this::requestReceived);
        int max = engine.limits.maxRequestsPerConnection();
        long headerNanos = engine.limits.headerTimeout().toNanos();
        for (int served = 0; served < max && engine.isRunning(); served++) {
            boolean first = served == 0;
            if (!awaitRequestStart(in, first, headerNanos)) {
                return;
            }
            long headDeadline = engine.options.has(ServerFault.NO_HEADER_TIMEOUT)
                    ? System.nanoTime() + FAULT_WAIT_NANOS
                    : requestStartedAt + headerNanos;
            in.setDeadline(headDeadline);
            boolean keep = exchange.run(served + 1 >= max);
            in.clearDeadline();
            if (!keep) {
                moveTo(Phase.HANDLING, Phase.CLOSING); // answered: its slot may go to a newcomer from now
                return;
            }
            if (engine.options.has(ServerFault.PIPELINE_DROPPED)) {
                in.discardBuffered();
            }
        }
    }

    /** The request is complete: it is handled now; false when the acceptor dropped the connection first. */
    private boolean requestReceived() {
        return moveTo(Phase.RECEIVING, Phase.HANDLING);
    }

    /** Waits for the first byte of the next request; false on EOF, idle timeout or eviction. */
    private boolean awaitRequestStart(ConnectionInput in, boolean first, long headerNanos) throws IOException {
        long wait = first ? headerNanos : engine.limits.keepAliveIdle().toNanos();
        if (!first && engine.options.has(ServerFault.NO_IDLE_TIMEOUT)) {
            wait = FAULT_WAIT_NANOS;
        }
        if (!first) {
            idleSince = System.nanoTime();
            if (in.buffered() > 0) {
                // a pipelined request is already here: never idle, its clock starts now
                requestStartedAt = System.nanoTime();
                return moveTo(Phase.HANDLING, Phase.RECEIVING);
            }
            if (!moveTo(Phase.HANDLING, Phase.IDLE)) {
                return false;
            }
        }
        in.setDeadline((first ? connectedAt : idleSince) + wait);
        try {
            boolean data = in.fillIfEmpty();
            if (first) {
                return data && phase() == Phase.RECEIVING;
            }
            requestStartedAt = System.nanoTime();
            return data && moveTo(Phase.IDLE, Phase.RECEIVING);
        } catch (SocketTimeoutException e) {
            LOG.log(System.Logger.Level.DEBUG, "connection {0} idle, closing", remote());
            return false;
        } catch (IOException e) {
            if (phase() == Phase.EVICTED) {
                return false;
            }
            throw e;
        }
    }

    private boolean moveTo(Phase from, Phase to) {
        return phase.compareAndSet(from.ordinal(), to.ordinal());
    }

    private String remote() {
        return socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }
}
