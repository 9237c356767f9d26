package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.checks.support.Access;
import io.uconform.checks.support.PinnedTls;
import io.uconform.checks.support.Waits;
import io.uconform.client.HttpReply;
import io.uconform.suite.Check;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import io.uconform.suite.Needs;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * TLS-01. The HTTPS endpoint comes from the target's {@code tls.url} fact ({@code sim} with
 * {@code tls=on} adds an HTTPS listener with a certificate made by keytool at start) or the profile
 * parameter {@code tls.url}; the certificate is pinned by {@code tls.sha256} when given. Without an
 * HTTPS endpoint the checks are skipped with that reason. Roles: {@code index}, {@code data},
 * {@code missing}. HTTPS exchanges use the JDK client (recorded here as notes, not in the transcript).
 */
@ConformanceChecks
public class TlsChecks {

    private static URI httpsBase(CheckContext ctx) {
        Optional<String> url = Access.fact(ctx, "tls.url");
        Assumptions.assumeTrue(url.isPresent(), "target has no HTTPS endpoint (no tls.url fact or profile parameter;"
                + " e.g. start sim with tls=on)");
        return URI.create(url.get());
    }

    private static HttpResponse<byte[]> https(CheckContext ctx, String path) {
        Optional<String> pin = Access.fact(ctx, "tls.sha256");
        HttpClient client = HttpClient.newBuilder().sslContext(PinnedTls.context(pin))
                .connectTimeout(Waits.reply(ctx)).version(HttpClient.Version.HTTP_1_1).build();
        URI uri = httpsBase(ctx).resolve(path);
        try {
            HttpResponse<byte[]> reply = client.send(HttpRequest.newBuilder(uri).timeout(Waits.reply(ctx)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            ctx.note("HTTPS GET " + uri + " -> " + reply.statusCode() + (pin.isPresent() ? " (certificate pinned)"
                    : " (no tls.sha256: certificate not verified)"));
            return reply;
        } catch (IOException e) {
            throw new AssertionError("HTTPS GET " + uri + " on " + ctx.targetName() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during HTTPS GET " + uri, e);
        }
    }

    @Needs(routes = {"data", "index", "missing"})
    @Check("TLS-01")
    void httpsGivesTheSameResponsesAsHttp(CheckContext ctx) {
        for (String role : List.of("index", "data", "missing")) {
            String path = ctx.route(role);
            HttpResponse<byte[]> secure = https(ctx, path);
            HttpReply plain = ctx.http().get(path);
            assertThat(secure.statusCode()).as("HTTPS vs HTTP status of GET %s", path).isEqualTo(plain.status());
            assertThat(new String(secure.body(), StandardCharsets.UTF_8)).as("HTTPS vs HTTP body of GET %s", path)
                    .isEqualTo(plain.text());
            assertThat(secure.headers().firstValue("content-type")).as("HTTPS vs HTTP Content-Type of GET %s", path)
                    .isEqualTo(plain.header("Content-Type"));
        }
    }

    @Needs(routes = "index")
    @Check("TLS-01")
    void certificateIsThePinnedOne(CheckContext ctx) {
        httpsBase(ctx);
        Assumptions.assumeTrue(Access.fact(ctx, "tls.sha256").isPresent(), "no tls.sha256 to pin the certificate to");
        assertThat(https(ctx, ctx.route("index")).statusCode()).as("status over HTTPS with the pinned certificate")
                .isEqualTo(200);
    }

    @Needs(routes = "index")
    @Check("TLS-01")
    void plainHttpOnTheTlsPortIsRefusedCleanly(CheckContext ctx) {
        URI base = httpsBase(ctx);
        Duration wait = Waits.close(ctx);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost().replace("[", "").replace("]", ""), base.getPort()),
                    (int) wait.toMillis());
            socket.setSoTimeout((int) wait.toMillis());
            socket.getOutputStream().write(("GET " + ctx.route("index") + " HTTP/1.1\r\nHost: " + base.getRawAuthority()
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long start = System.nanoTime();
            byte[] received = readUntilClosed(socket.getInputStream());
            long millis = (System.nanoTime() - start) / 1_000_000;
            ctx.note("plain HTTP on the TLS port: closed after " + millis + " ms with " + received.length + " bytes");
            assertThat(new String(received, StandardCharsets.ISO_8859_1)).as("answer to plain HTTP on the TLS port")
                    .doesNotContain("HTTP/1.1 200");
        } catch (SocketTimeoutException e) {
            throw new AssertionError("plain HTTP on the TLS port " + base + " was neither answered nor closed within "
                    + wait.toMillis() + " ms (a hang)", e);
        } catch (IOException e) {
            ctx.note("plain HTTP on the TLS port: connection reset (" + e.getMessage() + ")");
        }
    }

    private static byte[] readUntilClosed(InputStream in) throws IOException {
        return in.readNBytes(64 * 1024);
    }
}
