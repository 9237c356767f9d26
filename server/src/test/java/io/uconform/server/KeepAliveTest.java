package io.uconform.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.uconform.server.support.RawHttp;
import io.uconform.server.support.RawResponse;
import io.uconform.server.support.TestServers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** KA group, with an 800 ms idle timeout and 5 requests per connection. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class KeepAliveTest {
    private static ReferenceServer server;

    @BeforeAll
    static void start() {
        server = TestServers.start(TestServers.quickLimits().withMaxRequestsPerConnection(5));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void ka01_http11StaysOpenByDefault() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse first = http.get("/led").read();
            assertThat(first.header("Connection")).isNull();
            assertThat(http.get("/led").read().status()).isEqualTo(200);
        }
    }

    @Test
    void ka02_connectionCloseClosesAfterResponse() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse response = http.get("/led", "Connection: close").read();
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void ka02_http10ClosesUnlessKeepAlive() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            assertThat(http.send("GET /led HTTP/1.0\r\n\r\n").read().header("Connection")).isEqualTo("close");
            assertThat(http.closedByServer()).isTrue();
        }
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse kept = http.send("GET /led HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
            assertThat(kept.header("Connection")).isEqualTo("keep-alive");
            assertThat(http.send("GET /led HTTP/1.0\r\n\r\n").read().status()).isEqualTo(200);
        }
    }

    @Test
    void ka03_lastAllowedRequestCarriesConnectionClose() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            for (int i = 1; i < 5; i++) {
                assertThat(http.get("/led").read().header("Connection")).as("request " + i).isNull();
            }
            assertThat(http.get("/led").read().header("Connection")).isEqualTo("close");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void ka04_idleConnectionIsClosedByTheServer() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.timeout(Duration.ofSeconds(5));
            assertThat(http.get("/led").read().status()).isEqualTo(200);
            long start = System.nanoTime();
            assertThat(http.closedByServer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(600), Duration.ofMillis(3000));
        }
    }

    @Test
    void ka05_pipelinedRequestsAnsweredInOrder() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.send("GET /gpio/1 HTTP/1.1\r\nHost: t\r\n\r\nGET /gpio/2 HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "PUT /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\n\r\n3GET /nope HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(http.read().json()).isEqualTo(Map.of("data", Map.of("pin", 1L, "value", 0L)));
            assertThat(http.read().text()).contains("\"pin\":2");
            assertThat(http.read().text()).isEqualTo("{\"data\":3}");
            assertThat(http.read().status()).isEqualTo(404);
        }
    }

    @Test
    void serverRecoversSlotsAfterIdleClose() {
        await("all client slots free after idle connections close").atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> {
                    try (RawHttp http = RawHttp.connect(server.port())) {
                        assertThat(http.get("/led").read().status()).isEqualTo(200);
                    }
                });
    }
}
