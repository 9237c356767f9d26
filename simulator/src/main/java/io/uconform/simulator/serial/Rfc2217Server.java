package io.uconform.simulator.serial;

import io.uconform.link.Link;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * Serves a serial {@link Link} on a loopback TCP port as an RFC 2217 (Telnet COM-PORT-OPTION)
 * serial port, the way ser2net and Wokwi expose boards: tools open it as
 * {@code rfc2217://127.0.0.1:PORT} (pyserial, esptool, mpremote) and set baud rate and DTR/RTS
 * through it. One client at a time: a second connection is closed at once. What the serial side
 * sends while no client is connected is dropped, as a closed port would. Closing the server
 * closes the client connection; the link stays the caller's.
 */
public final class Rfc2217Server extends LoopbackSerialServer {

    private volatile Client client;

    private record Client(Socket socket, ComPortSession session) {
    }

    private Rfc2217Server(ServerSocket server, Link link, Consumer<String> log) {
        super(server, link, log, "rfc2217");
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0: any free port).
     *
     * @param log receives one line per client connecting or leaving
     * @throws IOException when the port cannot be bound (in use, not allowed)
     */
    public static Rfc2217Server start(Link link, int port, Consumer<String> log) throws IOException {
        Rfc2217Server s = new Rfc2217Server(listen(port), link, log);
        s.begin();
        return s;
    }

    /** What to give tools: {@code rfc2217://127.0.0.1:PORT}. */
    public String url() {
        return "rfc2217://127.0.0.1:" + port();
    }

    @Override
    Socket clientSocket() {
        Client c = client;
        return c == null ? null : c.socket();
    }

    @Override
    void serve(Socket s) {
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
            Client c = client;
            if (c != null) {
                c.session().closed();
            }
            if (!closed) {
                log.accept("client connection lost: " + e.getMessage());
            }
        } finally {
            client = null;
        }
    }

    /** FLOWCONTROL-SUSPEND from the client: the bytes stay in the link until it resumes. */
    @Override
    boolean holdSerial() {
        Client held = client;
        return held != null && held.session().flowSuspended();
    }

    @Override
    void toClient(byte[] buf, int n) {
        Client c = client; // who is connected now, not when the read began
        if (c != null && !c.session().toClient(buf, 0, n)) {
            closeQuietly(c.socket());
        }
    }
}
