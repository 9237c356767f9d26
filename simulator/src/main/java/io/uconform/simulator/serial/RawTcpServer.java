package io.uconform.simulator.serial;

import io.uconform.link.Link;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * Raw serial over TCP (like an emulator UART, or {@code nc -l} on a tty): bytes pass unchanged
 * both ways, one client at a time on a loopback port. TCP carries no modem lines and no baud
 * rate: the serial side keeps the rate it has (a tool must not change it: esptool's
 * {@code socket://} docs say not to pass {@code --baud}), and the board stays in whatever state it
 * is in (esptool's {@code --before no-reset}). What the serial side sends while no client is
 * connected is dropped; a second client is closed at once.
 */
public final class RawTcpServer extends LoopbackSerialServer {

    private volatile Socket client;

    private RawTcpServer(java.net.ServerSocket server, Link link, Consumer<String> log) {
        super(server, link, log, "raw-tcp");
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port). */
    public static RawTcpServer start(Link link, int port, Consumer<String> log) throws IOException {
        RawTcpServer s = new RawTcpServer(listen(port), link, log);
        s.begin();
        return s;
    }

    /** e.g. {@code tcp://127.0.0.1:40123}. */
    public String address() {
        return "tcp://127.0.0.1:" + port();
    }

    /** What to give esptool: {@code socket://127.0.0.1:PORT}. */
    public String url() {
        return "socket://127.0.0.1:" + port();
    }

    @Override
    Socket clientSocket() {
        return client;
    }

    @Override
    void claim(Socket s) {
        client = s;
    }

    /** Client to serial, until the client leaves. */
    @Override
    void serve(Socket s) {
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

    @Override
    void toClient(byte[] buf, int n) {
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

    @Override
    void serialEnded() {
        Socket c = client;
        if (c != null) {
            closeQuietly(c); // the serial side dropped the link: so does the socket
        }
    }
}
