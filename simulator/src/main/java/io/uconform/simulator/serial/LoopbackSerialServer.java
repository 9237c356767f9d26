package io.uconform.simulator.serial;

import io.uconform.link.Link;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A serial {@link Link} served on a loopback TCP port to one client at a time: a second
 * connection is closed at once, and what the serial side sends while no client is connected is
 * dropped. Subclasses say how a client's bytes reach the serial side and how serial bytes reach
 * the client (raw, or inside Telnet for RFC 2217).
 */
abstract class LoopbackSerialServer implements AutoCloseable {

    /** How long one read of the serial side waits before the pump checks whether it was closed. */
    private static final Duration SERIAL_POLL = Duration.ofMillis(100);

    protected final Link link;
    protected final Consumer<String> log;
    private final ServerSocket server;
    private final String name;
    private final Thread acceptor;
    private final Thread pump;
    protected volatile boolean closed;

    LoopbackSerialServer(ServerSocket server, Link link, Consumer<String> log, String name) {
        this.server = server;
        this.link = link;
        this.log = log;
        this.name = name;
        this.acceptor = daemon(this::acceptLoop, name + "-accept");
        this.pump = daemon(this::pumpLoop, name + "-serial-to-client");
    }

    /** A server socket bound to 127.0.0.1:{@code port} (0: any free port), backlog 1. */
    static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        return socket;
    }

    /** Starts accepting and pumping; called once the subclass is constructed. */
    final void begin() {
        acceptor.start();
        pump.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The connected client's socket, or null. */
    abstract Socket clientSocket();

    /** Serves an accepted client (no other is connected), on its own thread, until it leaves. */
    abstract void serve(Socket s);

    /** Passes {@code n} serial bytes to the connected client, if any. */
    abstract void toClient(byte[] buf, int n);

    /** True while serial bytes must stay in the link (the client asked for a pause). */
    boolean holdSerial() {
        return false;
    }

    /** The serial side ended its stream. */
    void serialEnded() {
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (clientSocket() != null) {
                log.accept("refused a second client from " + s.getRemoteSocketAddress() + " (one at a time)");
                closeQuietly(s);
                continue;
            }
            claim(s);
            daemon(() -> serve(s), name + "-client").start();
        }
    }

    /** Marks {@code s} as the client before its thread starts (so a second one is refused). */
    void claim(Socket s) {
    }

    private void pumpLoop() {
        byte[] buf = new byte[8192];
        try {
            link.setReadTimeout(SERIAL_POLL);
            InputStream in = link.input();
            while (!closed) {
                if (holdSerial()) {
                    pause(); // the bytes stay in the link until the client resumes
                    continue;
                }
                int n;
                try {
                    n = in.read(buf);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                if (n < 0) {
                    serialEnded();
                    return;
                }
                toClient(buf, n);
            }
        } catch (IOException e) {
            if (!closed) {
                log.accept("serial side closed: " + e.getMessage());
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10); // polled: a resume arrives on the client's thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        Socket c = clientSocket();
        if (c != null) {
            closeQuietly(c);
        }
        acceptor.interrupt();
        try {
            pump.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
