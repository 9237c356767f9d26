package io.uconform.kind.sim;

import io.uconform.spi.TargetException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Readiness by HTTP: one {@code GET /} over a plain socket must be answered with a status line
 * within the timeout. Besides proving the device is up, it runs the server's request path once, so
 * the first check does not pay the cold start against the short header timeout of fast timers.
 */
final class HttpReadiness {

    private HttpReadiness() {
    }

    static void await(URI base, Duration timeout) {
        int millis = (int) timeout.toMillis();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), millis);
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = statusLine(socket.getInputStream());
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new TargetException("sim: device at " + base + " answered GET / with '" + status + "'");
            }
        } catch (IOException e) {
            throw new TargetException("sim: device at " + base + " did not answer GET / within "
                    + timeout.toMillis() + " ms: " + e.getMessage(), e);
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1 && b != '\n' && line.length() < 200) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
