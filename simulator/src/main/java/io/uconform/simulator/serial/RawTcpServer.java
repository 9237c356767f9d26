package io.uconform.simulator.serial;

import io.uconform.link.Link;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Raw serial over TCP (like an emulator UART, or {@code nc -l} on a tty): bytes pass unchanged
 * both ways, one client at a time on a loopback port. TCP carries no modem lines and no baud
 * rate: the serial side keeps the rate it has (a tool must not change it: esptool's
 * {@code socket://} docs say not to pass {@code --baud}), and the board stays in whatever state it
 * is in (esptool's {@code --before no-reset}). What the serial side sends while no client is
 * connected is dropped; a second client is closed at once.
 */
public final class RawTcpServer implements AutoCloseable {

    private final ServerSocket server;
    private final Link link;
    private final Consumer<String> log;
    private final Thread acceptor;
    private final Thread pump;
    private volatile boolean closed;
    private volatile Socket client;

    private RawTcpServer(ServerSocket server, Link link, Consumer<String> log) {
        this.server = server;
        this.link = link;
        this.log = log;
        this.acceptor = daemon(this::acceptLoop, "raw-tcp-accept");
        this.pump = daemon(this::pumpLoop, "raw-tcp-serial-to-client");
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port). */
    public static RawTcpServer start(Link link, int port, Consumer<String> log) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        RawTcpServer s = new RawTcpServer(socket, link, log);
        s.acceptor.start();
        s.pump.start();
        return s;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** e.g. {@code tcp://127.0.0.1:40123}. */
    public String address() {
        return "tcp://127.0.0.1:" + port();
    }

    /** What to give esptool: {@code socket://127.0.0.1:PORT}. */
    public String url() {
        return "socket://127.0.0.1:" + port();
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
            client = s;
            daemon(() -> upstream(s), "raw-tcp-client").start();
        }
    }

    /** Client to serial, until the client leaves. */
    private void upstream(Socket s) {
        log.accept("client connected from " + s.getRemoteSocketAddress());
        byte[] buf = new byte[8192];
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            OutputStream out = link.output();
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // client gone or serial side closed
        } finally {
            client = null;
            log.accept("client left");
        }
    }

    /** Serial to client (or nowhere, while no client is connected). */
    private void pumpLoop() {
        byte[] buf = new byte[8192];
        try {
            link.setReadTimeout(Duration.ofMillis(100));
            InputStream in = link.input();
            while (!closed) {
                int n;
                try {
                    n = in.read(buf);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                if (n < 0) {
                    Socket c = client;
                    if (c != null) {
                        closeQuietly(c); // the serial side dropped the link: so does the socket
                    }
                    return;
                }
                Socket c = client;
                if (c != null) {
                    try {
                        c.getOutputStream().write(buf, 0, n);
                        c.getOutputStream().flush();
                    } catch (IOException e) {
                        closeQuietly(c);
                    }
                }
            }
        } catch (IOException e) {
            if (!closed) {
                log.accept("serial side closed: " + e.getMessage());
            }
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
        Socket c = client;
        if (c != null) {
            closeQuietly(c);
        }
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
