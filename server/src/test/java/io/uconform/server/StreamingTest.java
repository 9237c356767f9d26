package io.uconform.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.support.RawHttp;
import io.uconform.server.support.RawResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CHUNK-01/02 and the hooks for streams and connection takeover. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class StreamingTest {
    private static ReferenceServer server;

    @BeforeAll
    static void start() {
        App app = new App("streams")
                .route("/len", Set.of("POST"), r -> r.bodyText())
                .route("/events", Set.of("GET"), r -> Response.chunked(200, "text/event-stream", out -> {
                    for (int i = 0; i < 3; i++) {
                        out.write(("data: " + i + "\n\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }).withHeader("Cache-Control", "no-cache"))
                .route("/echo-upgrade", Set.of("GET"), r -> Response.upgrade(101, StreamingTest::echoLines)
                        .withHeader("Upgrade", "line-echo").withHeader("Connection", "Upgrade"));
        server = ReferenceServer.start(app, ServerOptions.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Echoes bytes until "bye\n", upper-cased: a stand-in for a WebSocket session. */
    private static void echoLines(TakenConnection connection) throws IOException {
        connection.setReadTimeout(Duration.ofSeconds(3));
        InputStream in = connection.input();
        OutputStream out = connection.output();
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0; b = in.read()) {
            line.append((char) b);
            if (b == '\n') {
                out.write(line.toString().toUpperCase().getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if ("bye\n".contentEquals(line)) {
                    return;
                }
                line.setLength(0);
            }
        }
    }

    @Test
    void chunk01_chunkedRequestBodyDecodedWithExtensionsAndTrailers() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.send("POST /len HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5;name=value\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\nX-Trailer: 1\r\n\r\n");
            assertThat(http.read().text()).isEqualTo("{\"data\":\"hello world\"}");
            assertThat(http.get("/len").read().status()).as("connection usable after trailers").isEqualTo(405);
        }
    }

    @Test
    void chunk01_badChunkSizeIs400() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.send("POST /len HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n");
            assertThat(http.read().status()).isEqualTo(400);
        }
    }

    @Test
    void chunk02_streamedResponseIsWellFormedAndEndsWithZeroChunk() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            String raw = http.get("/events", "Connection: close").readAll();
            assertThat(raw).contains("Transfer-Encoding: chunked", "Cache-Control: no-cache", "Content-Type: text/event-stream")
                    .doesNotContain("Content-Length")
                    .endsWith("9\r\ndata: 2\n\n\r\n0\r\n\r\n");
        }
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse response = http.get("/events").read();
            assertThat(response.text()).isEqualTo("data: 0\n\ndata: 1\n\ndata: 2\n\n");
            assertThat(http.get("/events").read().status()).as("keep-alive after a chunked body").isEqualTo(200);
        }
    }

    @Test
    void http10ClientGetsTheStreamCloseDelimited() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            String raw = http.send("GET /events HTTP/1.0\r\n\r\n").readAll();
            assertThat(raw).startsWith("HTTP/1.1 200 OK").contains("Connection: close")
                    .doesNotContain("Transfer-Encoding", "Content-Length")
                    .endsWith("\r\n\r\ndata: 0\n\ndata: 1\n\ndata: 2\n\n");
        }
    }

    @Test
    void headOfAStreamedRouteHasNoBody() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            String raw = http.send("HEAD /events HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").readAll();
            assertThat(raw).contains("Transfer-Encoding: chunked").endsWith("\r\n\r\n").doesNotContain("data:");
        }
    }

    @Test
    void takeoverGetsTheRawConnectionAfterTheHead() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.send("GET /echo-upgrade HTTP/1.1\r\nHost: t\r\nUpgrade: line-echo\r\nConnection: Upgrade\r\n\r\nearly\n");
            RawResponse head = http.readHead();
            assertThat(head.status()).isEqualTo(101);
            assertThat(head.header("Connection")).isEqualTo("Upgrade");
            assertThat(head.header("Content-Length")).isNull();
            http.send("second\nbye\n");
            assertThat(http.readAll()).isEqualTo("EARLY\nSECOND\nBYE\n");
        }
    }
}
