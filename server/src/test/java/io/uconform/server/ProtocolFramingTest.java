package io.uconform.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.support.RawHttp;
import io.uconform.server.support.RawResponse;
import io.uconform.server.support.TestServers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ProtocolFramingTest {
    private static ReferenceServer server;

    @BeforeAll
    static void start() {
        server = TestServers.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void proto01_statusLineAndContentType() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse response = http.get("/led").read();
            assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(response.header("Content-Type")).isEqualTo("application/json");
            assertThat(response.duplicateHeaders()).isZero();
        }
    }

    @Test
    void proto02_fixedBodiesHaveLengthAndNeverChunkedToo() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse fixed = http.get("/led").read();
            assertThat(fixed.header("Content-Length")).isEqualTo(String.valueOf(fixed.body().length));
            assertThat(fixed.header("Transfer-Encoding")).isNull();
            RawResponse streamed = http.get("/stream").read();
            assertThat(streamed.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(streamed.header("Content-Length")).isNull();
            assertThat(streamed.text()).isEqualTo("part0\npart1\npart2\n");
        }
    }

    @Test
    void proto03_headHasGetHeadersWithoutBody() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse get = http.get("/led").read();
            http.send("HEAD /led HTTP/1.1\r\nHost: t\r\n\r\n");
            RawResponse head = http.readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Length")).isEqualTo(get.header("Content-Length"));
            assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type"));
            // the next response must start right away: no stray body bytes after the HEAD head
            assertThat(http.get("/led").read().status()).isEqualTo(200);
        }
    }

    @Test
    void proto04_queryIgnoredForRoutingAndPathDecodedWithPlusKept() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            assertThat(http.get("/led?x=1&y=2").read().status()).isEqualTo(200);
            assertThat(http.get("/%6Ced").read().status()).isEqualTo(200);
            RawResponse path = http.get("/path/a+b%20c").read();
            assertThat(path.json()).isEqualTo(Map.of("data", Map.of("path", "/path/a+b c", "rest", "a+b c")));
        }
    }

    @Test
    void proto05_queryParsedWithPlusAsSpaceAndRepeatedKeys() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse response = http.get("/query?a=1&b=x+y%21&a=2&empty").read();
            assertThat(response.json()).isEqualTo(Map.of("data",
                    Map.of("a", List.of("1", "2"), "b", List.of("x y!"), "empty", List.of(""))));
        }
    }

    @Test
    void proto06_headSplitIntoSingleBytesIsParsedTheSame() throws Exception {
        byte[] request = "GET /led HTTP/1.1\r\nHost: t\r\nX-A: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try (RawHttp http = RawHttp.connect(server.port())) {
            for (byte b : request) {
                http.send(new byte[] {b});
            }
            assertThat(http.read().json()).isEqualTo(Map.of("data", Map.of("pin", 2L, "value", 1L)));
        }
    }

    @Test
    void proto07_responseLargerThanSendBufferArrivesComplete() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse response = http.get("/big").read();
            assertThat(response.body()).isEqualTo(TestServers.bigBody());
        }
    }

    @Test
    void bareLfLineEndsAreAccepted() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            assertThat(http.send("GET /led HTTP/1.1\nHost: t\n\n").read().status()).isEqualTo(200);
        }
    }

    @Test
    void absoluteFormTargetIsRoutedByItsPath() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            assertThat(http.send("GET http://t/led?q=1 HTTP/1.1\r\nHost: t\r\n\r\n").read().status()).isEqualTo(200);
        }
    }
}
