package io.uconform.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.support.RawHttp;
import io.uconform.server.support.RawResponse;
import io.uconform.server.support.TestServers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CORE group: index, envelope, 404, handler failures, trailing slash. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RoutingTest {
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
    void core01_indexListsEveryRouteSortedWithRoot() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse response = http.get("/").read();
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) response.json()).get("data");
            assertThat(data.get("name")).isEqualTo("test-board");
            @SuppressWarnings("unchecked")
            List<String> routes = (List<String>) data.get("routes");
            assertThat(routes).contains("/", "/led", "/gpio/{n}", "/work").isSorted().doesNotHaveDuplicates();
            assertThat(routes).hasSize(TestServers.app().routes().size() + 1);
        }
    }

    @Test
    void core01_appMayOverrideTheIndex() throws Exception {
        App app = new App("own").route("/", Set.of("GET"), r -> "mine");
        try (ReferenceServer own = ReferenceServer.start(app, ServerOptions.defaults());
             RawHttp http = RawHttp.connect(own.port())) {
            assertThat(http.get("/").read().json()).isEqualTo(Map.of("data", "mine"));
        }
    }

    @Test
    void core02_successAndNullDataUseTheEnvelope() throws Exception {
        App app = new App("null").route("/nothing", Set.of("GET"), r -> null);
        try (ReferenceServer own = ReferenceServer.start(app, ServerOptions.defaults());
             RawHttp http = RawHttp.connect(own.port())) {
            RawResponse response = http.get("/nothing").read();
            assertThat(response.text()).isEqualTo("{\"data\":null}");
            assertThat(response.header("Content-Type")).isEqualTo("application/json");
        }
    }

    @Test
    void core03_unknownPathIs404Envelope() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse response = http.get("/nope").read();
            assertThat(response.status()).isEqualTo(404);
            assertThat(((Map<?, ?>) response.json()).get("error")).asString().contains("/nope");
        }
    }

    @Test
    void core04_handlerExceptionIs500AndServerKeepsServing() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse failed = http.get("/boom").read();
            assertThat(failed.status()).isEqualTo(500);
            assertThat(((Map<?, ?>) failed.json()).get("error")).asString().contains("IllegalStateException");
            assertThat(http.get("/led").read().status()).isEqualTo(200);
        }
    }

    @Test
    void core04_httpErrorFromHandlerKeepsItsStatus() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse response = http.get("/gpio/99").read();
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json()).isEqualTo(Map.of("error", "no pin 99"));
        }
    }

    @Test
    void core05_trailingSlashIsSignificant() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            assertThat(http.get("/led/").read().status()).isEqualTo(404);
            assertThat(http.get("/led").read().status()).isEqualTo(200);
        }
    }

    @Test
    void pathParametersAndWildcard() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            assertThat(http.get("/gpio/5").read().json()).isEqualTo(Map.of("data", Map.of("pin", 5L, "value", 0L)));
            assertThat(http.get("/path/").read().json()).isEqualTo(Map.of("data", Map.of("path", "/path/", "rest", "")));
            assertThat(http.get("/path/a/b").read().json())
                    .isEqualTo(Map.of("data", Map.of("path", "/path/a/b", "rest", "a/b")));
            assertThat(http.get("/path").read().status()).isEqualTo(404);
        }
    }

    @Test
    void err06_invalidJsonBodyIs400Envelope() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse response = http.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\n{\"a\":").read();
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Content-Type")).isEqualTo("application/json");
            assertThat(((Map<?, ?>) response.json()).get("error")).asString().contains("invalid JSON");
        }
    }

    @Test
    void falsyJsonBodiesReachTheHandler() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            for (String body : List.of("{}", "[]", "0", "false", "null", "\"\"")) {
                RawResponse response = http.send("PUT /echo HTTP/1.1\r\nHost: t\r\nContent-Length: " + body.length()
                        + "\r\n\r\n" + body).read();
                assertThat(response.text()).isEqualTo("{\"data\":" + body + "}");
            }
        }
    }
}
