package io.uconform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.client.HttpClient;
import io.uconform.console.SecretMask;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A server that closes the first connection after reading the request, without answering (RFC 9112 9.3.1). */
@Timeout(30)
class ClosedBeforeResponseTest {

    private ServerSocket server;
    private Thread acceptor;
    private final AtomicInteger connections = new AtomicInteger();
    private HttpClient client;
    private final Transcript transcript = new Transcript(SecretMask.none());

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "closes-first-connection");
        acceptor.setDaemon(true);
        acceptor.start();
        client = HttpClients.create(URI.create("http://127.0.0.1:" + server.getLocalPort()), Duration.ofSeconds(2),
                Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(2000);
                readHead(s.getInputStream());
                if (connections.incrementAndGet() == 1) {
                    continue; // closed with no answer
                }
                byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().write(body);
                s.getOutputStream().flush();
            } catch (IOException e) {
                // closed by the test, or the client left
            }
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return;
            }
        }
    }

    @Test
    void idempotentRequestIsSentOnceMoreAndTheTranscriptSaysSo() {
        HttpReply reply = new MicronautHttp(client, transcript, "t", Duration.ofSeconds(5)).get("/led");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(connections.get()).isEqualTo(2);
        assertThat(transcript.text()).contains("closed before the response", "sent once more on a new connection");
    }

    @Test
    void nonIdempotentRequestIsNotSentAgain() {
        MicronautHttp http = new MicronautHttp(client, transcript, "t", Duration.ofSeconds(5));

        assertThatThrownBy(() -> http.send("POST", "/echo", Map.of("Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("POST /echo got no reply");
        assertThat(connections.get()).isEqualTo(1);
    }
}
