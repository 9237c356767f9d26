package io.uconform.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.support.RawHttp;
import io.uconform.server.support.RawResponse;
import io.uconform.server.support.TestServers;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** METH group. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class MethodsTest {
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
    void meth01_knownMethodNotAllowedIs405WithAllow() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse response = http.send("DELETE /led HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(405);
            assertThat(response.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
            assertThat(response.header("Content-Type")).isEqualTo("application/json");
            assertThat(http.get("/led").read().status()).as("connection still usable").isEqualTo(200);
        }
    }

    @Test
    void meth01_indexAllowsOnlyReads() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse response = http.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(405);
            assertThat(response.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"get", "Get", "BREW", "PROPFIND", "CONNECT"})
    void meth02_unknownOrLowercaseMethodIs501(String method) throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse response = http.send(method + " /led HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(501);
            assertThat(response.header("Content-Type")).isEqualTo("application/json");
        }
    }

    @Test
    void meth03_bodyWithoutLengthIs411() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse response = http.send("POST /echo HTTP/1.1\r\nHost: t\r\n\r\n{\"a\":1}").read();
            assertThat(response.status()).isEqualTo(411);
            assertThat(response.header("Connection")).isEqualTo("close");
        }
    }

    @Test
    void meth03_postWithoutBodyAndAPipelinedRequestIsNot411() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.send("POST /text HTTP/1.1\r\nHost: t\r\n\r\nGET /led HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(http.read().text()).isEqualTo("{\"data\":0}");
            assertThat(http.read().status()).isEqualTo(200);
        }
    }

    @Test
    void meth04_optionsAnsweredWithAllowWithoutHandler() throws Exception {
        int before = TestServers.HITS.get();
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse response = http.send("OPTIONS /hits HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(204);
            assertThat(response.header("Allow")).isEqualTo("DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT");
            RawResponse star = http.send("OPTIONS * HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertThat(star.status()).isEqualTo(204);
            assertThat(star.header("Allow")).contains("GET", "PATCH");
        }
        assertThat(TestServers.HITS.get()).isEqualTo(before);
    }

    @Test
    void meth04_optionsOnRouteWithFewMethods() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse response = http.send("OPTIONS /echo HTTP/1.1\r\nHost: t\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(204);
            assertThat(response.header("Allow")).isEqualTo("OPTIONS, POST, PUT");
        }
    }
}
