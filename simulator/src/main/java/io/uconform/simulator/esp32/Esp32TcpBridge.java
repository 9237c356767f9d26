package io.uconform.simulator.esp32;

import io.uconform.link.Link;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Raw serial over TCP for the virtual ESP32 (like an emulator UART or ser2net): one client at a
 * time on a loopback port; bytes pass unchanged both ways. TCP has no modem lines, so a tool
 * treats the board as already in the state it is in (esptool's {@code --before no-reset}).
 */
public final class Esp32TcpBridge implements AutoCloseable {

    private final ServerSocket server;
    private final Link link;
    private volatile boolean closed;
    private volatile Socket client;

    private Esp32TcpBridge(ServerSocket server, Link link) {
        this.server = server;
        this.link = link;
    }

    static Esp32TcpBridge start(Link hostSide) {
        try {
            ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            Esp32TcpBridge bridge = new Esp32TcpBridge(server, hostSide);
            Thread t = new Thread(bridge::acceptLoop, "virtual-esp32-tcp-accept");
            t.setDaemon(true);
            t.start();
            return bridge;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot open a loopback port for the virtual ESP32: " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** e.g. {@code tcp://127.0.0.1:40123}. */
    public String address() {
        return "tcp://" + server.getInetAddress().getHostAddress() + ":" + port();
    }

    private void acceptLoop() {
        while (!closed) {
            try (Socket s = server.accept()) {
                client = s;
                s.setTcpNoDelay(true);
                Thread up = new Thread(() -> copy(s), "virtual-esp32-tcp-rx");
                up.setDaemon(true);
                up.start();
                downstream(s);
                up.join(2000);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Socket to device. */
    private void copy(Socket s) {
        byte[] buf = new byte[8192];
        try {
            InputStream in = s.getInputStream();
            OutputStream out = link.output();
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            // client gone or device link closed
        }
        closeQuietly(s);
    }

    /** Device to socket, until the client leaves. */
    private void downstream(Socket s) throws IOException {
        InputStream in = link.input();
        link.setReadTimeout(Duration.ofMillis(200));
        OutputStream out = s.getOutputStream();
        byte[] buf = new byte[8192];
        while (!closed && !s.isClosed()) {
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (n < 0) {
                s.close(); // the device dropped the link: so does the socket
                return;
            }
            out.write(buf, 0, n);
            out.flush();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        Socket c = client;
        if (c != null) {
            closeQuietly(c);
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
