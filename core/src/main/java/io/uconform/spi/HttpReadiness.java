package io.uconform.spi;

import io.uconform.console.VisibleText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * {@link Readiness#http}: one {@code GET path} over a plain (or, for {@code https}, a TLS) socket
 * must be answered with a status line the expectation accepts. A refused connection is tried
 * again until the timeout (the server may not listen yet); any other failure, or an unexpected
 * status, ends the wait at once. Besides proving the server is up, it runs the server's request
 * path once, so a first check does not pay the cold start against a short header timeout.
 * Readiness sends no credentials, so the TLS socket accepts any certificate (devices use
 * self-signed ones; the checks judge the certificate). Immutable.
 */
public final class HttpReadiness implements Readiness {

    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.[01] (\\d{3})");
    /** Pause between attempts while the connection is refused. */
    private static final Duration RETRY = Duration.ofMillis(50);

    /** Which statuses mean ready. */
    enum Expect {
        OK("200"), ANY("any status");

        final String text;

        Expect(String text) {
            this.text = text;
        }

        boolean accepts(int status) {
            return this == ANY || status == 200;
        }
    }

    private final String path;
    private final Expect expect;
    private final Duration timeout;

    HttpReadiness(String path, Expect expect, Duration timeout) {
        this.path = Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("Readiness.http: path must start with / and hold no spaces or control bytes: '"
                    + path + "'");
        }
        this.expect = expect;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Ready on any answer at all: the server speaks HTTP (for a device whose {@code path} may need credentials). */
    public HttpReadiness forAnyStatus() {
        return new HttpReadiness(path, Expect.ANY, timeout);
    }

    @Override
    public HttpReadiness withTimeout(Duration timeout) {
        return new HttpReadiness(path, expect, timeout);
    }

    @Override
    public Ready await(Subject subject) {
        URI base = subject.baseUri().orElseThrow(() -> ReadinessFailure.of(subject,
                "cannot await " + awaited() + ": no base URL known", null));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int left = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (deadline - System.nanoTime()) / 1_000_000));
            try {
                String status = get(base, left);
                Matcher m = STATUS_LINE.matcher(status);
                if (m.find() && expect.accepts(Integer.parseInt(m.group(1)))) {
                    return new Ready(Optional.of(base), Optional.empty());
                }
                throw ReadinessFailure.of(subject, "awaited " + awaited() + " at " + base + ", " + (status.isEmpty()
                        ? "the connection was closed with no answer" : "got '" + VisibleText.oneLine(status) + "'"), null);
            } catch (ConnectException e) {
                if (System.nanoTime() + RETRY.toNanos() >= deadline) {
                    throw notAnswered(subject, base, e);
                }
                pause();
            } catch (IOException e) {
                throw notAnswered(subject, base, e);
            }
        }
    }

    private TargetException notAnswered(Subject subject, URI base, IOException e) {
        return ReadinessFailure.of(subject, base + " did not answer GET " + path + " within "
                + ReadinessFailure.duration(timeout) + ": " + e.getMessage(), e);
    }

    private String get(URI base, int millis) throws IOException {
        boolean tls = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : (tls ? 443 : 80);
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(base.getHost(), port), millis);
            plain.setSoTimeout(millis);
            Socket socket = tls ? tls(plain, base.getHost(), port) : plain;
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return statusLine(socket.getInputStream());
        }
    }

    private static Socket tls(Socket plain, String host, int port) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AnyCertificate()}, null);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
            socket.startHandshake();
            return socket;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("no TLS: " + e.getMessage(), e);
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

    private static void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while awaiting readiness", e);
        }
    }

    @Override
    public String awaited() {
        return "GET " + path + " answered " + expect.text;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public String toString() {
        return "Readiness.http(" + path + ", " + expect.text + ", " + ReadinessFailure.duration(timeout) + ")";
    }

    /** Readiness proves the server answers; it sends no secret, and the checks judge the certificate. */
    private static final class AnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // not a server
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // any: see the class comment
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
