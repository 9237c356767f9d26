package io.uconform.suite;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Whether a target still answers {@code GET /} with an HTTP status line within a short timeout
 * (for {@code https}, whether it still accepts connections).
 */
final class Liveness {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private Liveness() {
    }

    static boolean answers(URI baseUri) {
        int port = baseUri.getPort() > 0 ? baseUri.getPort() : ("https".equals(baseUri.getScheme()) ? 443 : 80);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(baseUri.getHost(), port), (int) TIMEOUT.toMillis());
            if ("https".equalsIgnoreCase(baseUri.getScheme())) {
                // no TLS handshake here: accepting connections is the sign of life
                return true;
            }
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + baseUri.getHost()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            byte[] head = new byte[8];
            int n = 0;
            while (n < head.length) {
                int r = in.read(head, n, head.length - n);
                if (r < 0) {
                    return false;
                }
                n += r;
            }
            return new String(head, StandardCharsets.ISO_8859_1).startsWith("HTTP/");
        } catch (IOException e) {
            return false;
        }
    }
}
