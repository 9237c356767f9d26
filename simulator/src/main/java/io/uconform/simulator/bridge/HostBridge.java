package io.uconform.simulator.bridge;

import io.uconform.simulator.board.VirtualBoard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Java end of the host runtime bridge: a loopback TCP server through which the stand-in
 * {@code machine}/{@code network}/{@code esp32} modules of a host-run MicroPython app reach the
 * {@link VirtualBoard}. Protocol: JSON lines, see {@code hostrt/PROTOCOL.md}. Start with
 * {@link #start}; {@link #close()} stops the acceptor and every session (idempotent).
 * Thread-safe; each connection is served by its own daemon thread.
 */
public final class HostBridge implements AutoCloseable {

    /** Sessions kept at once: a firmware uses one command and one event connection. */
    static final int MAX_SESSIONS = 16;

    private final ServerSocket listener;
    private final BridgeCommands commands;
    private final BridgeEvents events = new BridgeEvents();
    private final List<BridgeSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger resets = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    private HostBridge(VirtualBoard board, VirtualAccessPoint accessPoint) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.commands = new BridgeCommands(board, accessPoint, events, resets::incrementAndGet);
        this.acceptor = new Thread(this::acceptLoop, "host-bridge-acceptor:" + listener.getLocalPort());
        acceptor.setDaemon(true);
    }

    /** Listens on an ephemeral loopback port for the interpreter's stand-in modules. */
    public static HostBridge start(VirtualBoard board, VirtualAccessPoint accessPoint) {
        try {
            HostBridge bridge = new HostBridge(board, accessPoint);
            bridge.acceptor.start();
            return bridge;
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the host bridge on loopback: " + e.getMessage(), e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The value for the interpreter's {@code UCONFORM_BRIDGE} environment variable. */
    public String address() {
        return listener.getInetAddress().getHostAddress() + ":" + port();
    }

    /** How many times the firmware called {@code machine.reset()} through this bridge. */
    public int resetRequests() {
        return resets.get();
    }

    /** Ends every session and IRQ subscription (before the interpreter restarts); keeps listening. */
    public void disconnectAll() {
        sessions.forEach(BridgeSession::close);
        sessions.clear();
        events.close();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        disconnectAll();
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                sessions.removeIf(BridgeSession::isClosed);
                if (sessions.size() >= MAX_SESSIONS) {
                    socket.close();
                    continue;
                }
                BridgeSession session = new BridgeSession(socket, commands, events);
                sessions.add(session);
                session.start();
            } catch (SocketException e) {
                return;  // listener closed
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }
}
