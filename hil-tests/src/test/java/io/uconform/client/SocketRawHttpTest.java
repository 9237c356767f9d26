package io.uconform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uconform.console.SecretMask;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SocketRawHttpTest {

    private final Transcript transcript = new Transcript(SecretMask.of("s3cret"));

    private HttpReply exchange(String response, boolean close, boolean head) throws Exception {
        try (ScriptedServer server = new ScriptedServer(response, close)) {
            SocketRawHttp raw = new SocketRawHttp(server.baseUri(), Duration.ofSeconds(2), transcript, "test");
            try (RawConnection c = raw.open()) {
                return c.send((head ? "HEAD" : "GET") + " / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse(Duration.ofSeconds(3), head);
            }
        }
    }

    @Test
    void toleratesHeaderCaseAndWhitespaceAndReadsByContentLength() throws Exception {
        HttpReply reply = exchange("HTTP/1.1 200 OK\r\ncOnTeNt-LeNgTh:   5  \r\nX-A: 1\r\nx-a: 2\r\n\r\nhelloEXTRA", false, false);

        assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).isEqualTo("hello");
        assertThat(reply.header("Content-Length")).contains("5");
        assertThat(reply.headerValues("X-A")).containsExactly("1", "2");
    }

    @Test
    void decodesChunkedBodiesWithExtensionsAndTrailers() throws Exception {
        HttpReply reply = exchange("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nTrailer: x\r\n\r\n", false, false);

        assertThat(reply.text()).isEqualTo("Wikipedia");
    }

    @Test
    void readsCloseDelimitedBodies() throws Exception {
        assertThat(exchange("HTTP/1.0 200 OK\r\n\r\nuntil close", true, false).text()).isEqualTo("until close");
    }

    @Test
    void headResponseHasNoBodyDespiteContentLength() throws Exception {
        HttpReply reply = exchange("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", false, true);

        assertThat(reply.body()).isEmpty();
        assertThat(reply.header("content-length")).contains("100");
    }

    @Test
    void readsPipelinedResponsesInOrder() throws Exception {
        try (ScriptedServer server = new ScriptedServer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nA"
                + "HTTP/1.1 404 Not Found\r\nContent-Length: 1\r\n\r\nB", false)) {
            RawConnection c = new SocketRawHttp(server.baseUri(), Duration.ofSeconds(2), transcript, "test").open();
            c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");

            assertThat(c.readResponse(Duration.ofSeconds(2)).text()).isEqualTo("A");
            assertThat(c.readResponse(Duration.ofSeconds(2)).status()).isEqualTo(404);
            c.close();
        }
    }

    @Test
    void incompleteResponseFailsWithinTheTimeoutShowingWhatArrived() throws Exception {
        try (ScriptedServer server = new ScriptedServer("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", false)) {
            RawConnection c = new SocketRawHttp(server.baseUri(), Duration.ofSeconds(2), transcript, "dev").open();
            c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            long start = System.nanoTime();

            assertThatThrownBy(() -> c.readResponse(Duration.ofMillis(300))).isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("dev raw#1: no complete response within 300 ms; received")
                    .hasMessageContaining("abc");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            c.close(true);
        }
    }

    @Test
    void detectsPeerCloseAndRecordsMaskedTranscript() throws Exception {
        try (ScriptedServer server = new ScriptedServer("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n", true)) {
            RawConnection c = new SocketRawHttp(server.baseUri(), Duration.ofSeconds(2), transcript, "dev").open();
            c.send("GET /?pw=s3cret HTTP/1.1\r\nHost: x\r\n\r\n");

            assertThat(c.closedByPeerWithin(Duration.ofSeconds(2))).isTrue();
            assertThat(transcript.text()).contains("GET /?pw=**** HTTP/1.1\\r\\n", "HTTP/1.1 400 Bad Request\\r\\n",
                    "closed by the peer").doesNotContain("s3cret");
        }
    }

    @Test
    void openConnectionIsReportedStillOpen() throws Exception {
        try (ScriptedServer server = new ScriptedServer("", false)) {
            RawConnection c = new SocketRawHttp(server.baseUri(), Duration.ofSeconds(2), transcript, "dev").open();
            c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");

            assertThat(c.closedByPeerWithin(Duration.ofMillis(200))).isFalse();
            c.close();
        }
    }
}
