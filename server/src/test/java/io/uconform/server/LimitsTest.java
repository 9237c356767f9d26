package io.uconform.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.uconform.server.support.RawHttp;
import io.uconform.server.support.RawResponse;
import io.uconform.server.support.TestServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** LIM group with the reference sizes and a 600 ms header timeout. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LimitsTest {
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
    void lim01_headerBlockOverLimitIs431ThenClose() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse response = http.send("GET /led HTTP/1.1\r\nHost: t\r\nX-Big: " + "a".repeat(5000) + "\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(431);
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void lim01_manySmallHeadersOverLimitIs431() throws Exception {
        StringBuilder request = new StringBuilder("GET /led HTTP/1.1\r\nHost: t\r\n");
        for (int i = 0; i < 300; i++) {
            request.append("X-H").append(i).append(": value\r\n");
        }
        try (RawHttp http = RawHttp.connect(server.port())) {
            assertThat(http.send(request.append("\r\n").toString()).read().status()).isEqualTo(431);
        }
    }

    @Test
    void headerBlockJustUnderLimitIsServed() throws Exception {
        String filler = "a".repeat(4096 - "Host: test\r\n".length() - "X-Fill: \r\n".length() - 2);
        try (RawHttp http = RawHttp.connect(server.port())) {
            assertThat(http.get("/led", "X-Fill: " + filler).read().status()).isEqualTo(200);
        }
    }

    @Test
    void lim02_targetOverLimitIs414() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            assertThat(http.get("/led?" + "q".repeat(1100)).read().status()).isEqualTo(414);
        }
        try (RawHttp http = RawHttp.connect(server.port())) {
            assertThat(http.get("/" + "p".repeat(20000)).read().status()).isEqualTo(414);
        }
    }

    @Test
    void lim03_bodyOverLimitIs413AndNeverParsedAsRequest() throws Exception {
        String smuggled = "GET /boom HTTP/1.1\r\nHost: t\r\n\r\n";
        String body = smuggled.repeat(70 * 1024 / smuggled.length());
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.send("POST /text HTTP/1.1\r\nHost: t\r\nContent-Length: " + body.length() + "\r\n\r\n");
            RawResponse response = http.read();
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(http.closedByServer()).isTrue();
        }
        assertThat(server.stats().handlerErrors()).as("smuggled /boom never ran").isZero();
    }

    @Test
    void lim03_chunkedBodyOverLimitIs413() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.send("POST /text HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
            String chunk = "x".repeat(16 * 1024);
            for (int i = 0; i < 5; i++) {
                http.send(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
            }
            assertThat(http.read().status()).isEqualTo(413);
        }
    }

    @Test
    void uploadRoutesHaveTheLargerLimit() throws Exception {
        byte[] body = new byte[512 * 1024];
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.send("PUT /upload HTTP/1.1\r\nHost: t\r\nContent-Length: " + body.length + "\r\n\r\n").send(body);
            assertThat(http.read().text()).isEqualTo("{\"data\":" + body.length + "}");
            http.send("PUT /upload HTTP/1.1\r\nHost: t\r\nContent-Length: " + (2 * 1024 * 1024) + "\r\n\r\n");
            assertThat(http.read().status()).isEqualTo(413);
        }
    }

    @Test
    void lim04_slowlorisGets408WithoutBlockingOthers() throws Exception {
        try (RawHttp slow = RawHttp.connect(server.port())) {
            slow.timeout(Duration.ofSeconds(5)).send("GET /led HTTP/1.1\r\nHost: t\r\nX-Slow: ");
            try (RawHttp other = RawHttp.connect(server.port())) {
                assertThat(other.get("/led").read().status()).isEqualTo(200);
            }
            long start = System.nanoTime();
            RawResponse response = slow.read();
            assertThat(response.status()).isEqualTo(408);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(slow.closedByServer()).isTrue();
        }
    }

    @Test
    void lim05_extraClientsGet503AndServerRecovers() throws Exception {
        // the holders' requests are being handled: a slot held so is never taken from them
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger handling = new java.util.concurrent.atomic.AtomicInteger();
        App app = TestServers.app().route("/hold", java.util.Set.of("GET"), r -> {
            handling.incrementAndGet();
            return release.await(20, TimeUnit.SECONDS);
        });
        try (ReferenceServer capped = ReferenceServer.start(app, ServerOptions.defaults())) {
            List<RawHttp> holders = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    holders.add(RawHttp.connect(capped.port()).get("/hold", "Connection: close"));
                }
                await("four requests in their handlers").atMost(Duration.ofSeconds(3)).until(() -> handling.get() == 4);
                try (RawHttp extra = RawHttp.connect(capped.port())) {
                    RawResponse response = extra.get("/led").read();
                    assertThat(response.status()).isEqualTo(503);
                    assertThat(response.header("Connection")).isEqualTo("close");
                    assertThat(response.header("Content-Type")).isEqualTo("application/json");
                }
            } finally {
                release.countDown();
                for (RawHttp holder : holders) {
                    holder.close();
                }
            }
            await("a slot is free again").atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                try (RawHttp http = RawHttp.connect(capped.port())) {
                    assertThat(http.get("/led").read().status()).isEqualTo(200);
                }
            });
        }
    }

    @Test
    void idleKeepAliveConnectionsAreEvictedForNewClients() throws Exception {
        // its own server: a connection another test left behind (closing, or in a header timeout)
        // would change which slot frees first
        List<RawHttp> idle = new ArrayList<>();
        try (ReferenceServer own = TestServers.start()) {
            try {
                for (int i = 0; i < 4; i++) {
                    RawHttp http = RawHttp.connect(own.port());
                    idle.add(http);
                    assertThat(http.get("/led").read().status()).isEqualTo(200);
                }
                try (RawHttp newcomer = RawHttp.connect(own.port())) {
                    assertThat(newcomer.get("/led").read().status()).isEqualTo(200);
                }
                assertThat(idle.get(0).timeout(Duration.ofSeconds(2)).closedByServer()).as("longest idle evicted")
                        .isTrue();
                assertThat(own.stats().connectionsEvicted()).as("connections evicted").isEqualTo(1);
            } finally {
                for (RawHttp http : idle) {
                    http.close();
                }
            }
        }
    }

    @Test
    void lim06_continueOnlyWhenBodyWillBeRead() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.send("PUT /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n");
            assertThat(http.read().status()).isEqualTo(100);
            assertThat(http.send("[]").read().text()).isEqualTo("{\"data\":[]}");
        }
        for (String head : List.of(
                "PUT /nope HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n",
                "DELETE /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n",
                "PUT /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 999999\r\nExpect: 100-continue\r\n\r\n")) {
            try (RawHttp http = RawHttp.connect(server.port())) {
                RawResponse response = http.send(head).read();
                assertThat(response.status()).as(head).isIn(404, 405, 413);
                assertThat(response.header("Connection")).isEqualTo("close");
            }
        }
    }
}
