package io.uconform.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.support.RawHttp;
import io.uconform.server.support.RawResponse;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The hooks AUTH and CORS build on: guards before handlers, filters on every response. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class GuardAndFilterTest {
    private static final AtomicInteger SECRET_CALLS = new AtomicInteger();
    private static final AtomicInteger BACKGROUND_RUNS = new AtomicInteger();
    private static ReferenceServer server;

    @BeforeAll
    static void start() {
        App app = new App("guarded")
                .route("/open", Set.of("GET"), r -> "open")
                .route("/api/secret", Set.of("GET"), r -> SECRET_CALLS.incrementAndGet())
                .nowait("/api/work", Set.of("POST"), r -> BACKGROUND_RUNS.incrementAndGet())
                .guard(r -> r.path().startsWith("/api/") && r.header("Authorization").isEmpty()
                        ? Response.error(401, "credentials required").withHeader("WWW-Authenticate", "Basic realm=\"t\"")
                        : null)
                .filter((request, response) -> response.withHeader("Access-Control-Allow-Origin", "*"));
        server = ReferenceServer.start(app, ServerOptions.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void guardAnswersInsteadOfTheHandler() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse refused = http.get("/api/secret").read();
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).isEqualTo("Basic realm=\"t\"");
            assertThat(SECRET_CALLS.get()).isZero();
            assertThat(http.send("POST /api/work HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n").read().status())
                    .isEqualTo(401);
            assertThat(http.get("/open").read().status()).isEqualTo(200);
            assertThat(http.get("/api/secret", "Authorization: Basic dTpw").read().text()).isEqualTo("{\"data\":1}");
        }
        assertThat(BACKGROUND_RUNS.get()).as("refused NOWAIT work never starts").isZero();
    }

    @Test
    void filterReachesHandlerEngineAndRejectionResponses() throws Exception {
        for (String request : new String[] {"GET /open HTTP/1.1\r\nHost: t\r\n\r\n", "GET /nope HTTP/1.1\r\nHost: t\r\n\r\n",
            "DELETE /open HTTP/1.1\r\nHost: t\r\n\r\n", "OPTIONS /open HTTP/1.1\r\nHost: t\r\n\r\n",
            "GET /open HTTP/9.9\r\nHost: t\r\n\r\n", "\u0001\r\n\r\n"}) {
            try (RawHttp http = RawHttp.connect(server.port())) {
                RawResponse response = http.send(request).read();
                assertThat(response.header("Access-Control-Allow-Origin")).as(response.toString()).isEqualTo("*");
            }
        }
    }
}
