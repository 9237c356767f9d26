package io.uconform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.client.HttpClient;
import io.uconform.console.SecretMask;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MicronautHttpTest {

    private HttpServer server;
    private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    private HttpClient client;
    private final Transcript transcript = new Transcript(SecretMask.none());
    private final java.util.concurrent.CountDownLatch testOver = new java.util.concurrent.CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.setExecutor(pool);
        server.createContext("/", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().equals("/stream")) {
                // a stream that starts and does not end (as SSE does) until the test is over
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write(": tick\n".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                try {
                    testOver.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            boolean missing = exchange.getRequestURI().getPath().equals("/missing");
            byte[] body = missing ? "{\"error\":\"nope\"}".getBytes(StandardCharsets.UTF_8)
                    : (exchange.getRequestMethod() + ":" + new String(in, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Multi", "a");
            exchange.getResponseHeaders().add("X-Multi", "b");
            exchange.sendResponseHeaders(missing ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = HttpClients.create(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        testOver.countDown();
        client.close();
        server.stop(0);
        pool.shutdownNow();
    }

    @Test
    void returnsErrorStatusesAsRepliesWithBodyAndHeaders() {
        HttpReply reply = new MicronautHttp(client, transcript, "t", Duration.ofSeconds(3)).get("/missing");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("error").asText()).isEqualTo("nope");
        assertThat(reply.headerValues("x-multi")).containsExactly("a", "b");
        assertThat(transcript.text()).contains("GET /missing HTTP/1.1", "HTTP/1.1 404", "{\"error\":\"nope\"}");
    }

    @Test
    void sendsBodiesAndAnyMethod() {
        HttpReply reply = new MicronautHttp(client, transcript, "t", Duration.ofSeconds(3)).sendJson("PUT", "/x", "{\"a\":1}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).isEqualTo("PUT:{\"a\":1}");
        assertThat(new MicronautHttp(client, transcript, "t", Duration.ofSeconds(3)).send("DELETE", "/x", Map.of(), null).text()).isEqualTo("DELETE:");
    }

    @Test
    void neverEndingStreamFailsWithinTheReplyTimeout() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> new MicronautHttp(client, transcript, "dev", Duration.ofSeconds(1)).get("/stream"))
                .isInstanceOf(AssertionError.class).hasMessageStartingWith("dev: GET /stream got no complete reply within 1000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void refusedConnectionFailsTheCheckNamingTargetAndRequest() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (HttpClient dead = HttpClients.create(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(1), Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> new MicronautHttp(dead, transcript, "dev", Duration.ofSeconds(3)).get("/led"))
                    .isInstanceOf(AssertionError.class).hasMessageStartingWith("dev: GET /led got no reply");
        }
    }
}
