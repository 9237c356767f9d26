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
 * Serves a serial {@link Link} on a loopback TCP port as an RFC 2217 (Telnet COM-PORT-OPTION)
 * serial port, the way ser2net and Wokwi expose boards: tools open it as
 * {@code rfc2217://127.0.0.1:PORT} (pyserial, esptool, mpremote) and set baud rate and DTR/RTS
 * through it. One client at a time: a second connection is closed at once. What the serial side
 * sends while no client is connected is dropped, as a closed port would. Closing the server
 * closes the client connection; the link stays the caller's.
 */
public final class Rfc2217Server implements AutoCloseable {

    private final ServerSocket server;
    private final Link link;
    private final Consumer<String> log;
    private final Thread acceptor;
    private final Thread pump;
    private volatile boolean closed;
    private volatile Client client;

    private record Client(Socket socket, ComPortSession session) {
    }

    private Rfc2217Server(ServerSocket server, Link link, Consumer<String> log) {
        this.server = server;
        this.link = link;
        this.log = log;
        this.acceptor = daemon(this::acceptLoop, "rfc2217-accept");
        this.pump = daemon(this::pumpLoop, "rfc2217-serial-to-client");
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0: any free port).
     *
     * @param log receives one line per client connecting or leaving
     * @throws IOException when the port cannot be bound (in use, not allowed)
     */
    public static Rfc2217Server start(Link link, int port, Consumer<String> log) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        Rfc2217Server s = new Rfc2217Server(socket, link, log);
        s.acceptor.start();
        s.pump.start();
        return s;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** What to give tools: {@code rfc2217://127.0.0.1:PORT}. */
    public String url() {
        return "rfc2217://127.0.0.1:" + port();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (client != null) {
                log.accept("refused a second client from " + s.getRemoteSocketAddress() + " (one at a time)");
                closeQuietly(s);
                continue;
            }
            Thread t = daemon(() -> serve(s), "rfc2217-client");
            t.start();
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            ComPortSession session = new ComPortSession(link, s.getOutputStream(), 115_200, log);
            client = new Client(s, session);
            log.accept("client connected from " + s.getRemoteSocketAddress());
            Telnet.Decoder decoder = new Telnet.Decoder(session);
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            int n;
            while (!closed && (n = in.read(buf)) > 0) {
                decoder.feed(buf, 0, n);
            }
            session.closed();
            log.accept("client left (" + session.describe() + ")");
        } catch (IOException e) {
            if (client != null) {
                client.session().closed();
            }
            if (!closed) {
                log.accept("client connection lost: " + e.getMessage());
            }
        } finally {
            client = null;
        }
    }

    private void pumpLoop() {
        byte[] buf = new byte[8192];
        try {
            link.setReadTimeout(Duration.ofMillis(100));
            InputStream in = link.input();
            while (!closed) {
                Client held = client;
                if (held != null && held.session().flowSuspended()) {
                    pause(); // the client asked us to hold: the bytes stay in the link
                    continue;
                }
                int n;
                try {
                    n = in.read(buf);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                if (n < 0) {
                    return; // the serial side closed
                }
                Client c = client; // who is connected now, not when the read began
                if (c != null && !c.session().toClient(buf, 0, n)) {
                    closeQuietly(c.socket());
                }
            }
        } catch (IOException e) {
            if (!closed) {
                log.accept("serial side closed: " + e.getMessage());
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10); // FLOWCONTROL-SUSPEND: poll for the client's resume
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
        Client c = client;
        if (c != null) {
            closeQuietly(c.socket());
        }
        acceptor.interrupt();
        try {
            pump.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s) {
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
