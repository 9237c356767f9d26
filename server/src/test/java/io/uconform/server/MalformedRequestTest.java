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

/** ERR group: each malformed request gets its status in the JSON envelope, and the connection closes. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MalformedRequestTest {
    private static ReferenceServer server;

    @BeforeAll
    static void start() {
        server = TestServers.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawResponse exchange(String request) throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            RawResponse response = http.send(request).read();
            assertThat(response.header("Content-Type")).as("ERR-07 envelope for " + response).isEqualTo("application/json");
            assertThat(response.json()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsOnlyKeys("error");
            if (response.status() >= 400) {
                assertThat(http.closedByServer()).as("closed after " + response.status()).isTrue();
            }
            return response;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET\r\n\r\n",
        "GET /led\r\nHost: t\r\n\r\n",
        "GET  /led HTTP/1.1\r\nHost: t\r\n\r\n",
        "GET /led HTTP/1.1 extra\r\nHost: t\r\n\r\n",
        "GET /l\u0001ed HTTP/1.1\r\nHost: t\r\n\r\n",
        "GET /l\u00e9d HTTP/1.1\r\nHost: t\r\n\r\n",
        "GET /led\tHTTP/1.1\r\nHost: t\r\n\r\n",
        "GET /led HTTP/1.1\rHost: t\r\n\r\n",
        "GET led HTTP/1.1\r\nHost: t\r\n\r\n",
        "GET /led FOO/1.1\r\nHost: t\r\n\r\n",
        "GET /led HTTP/11\r\nHost: t\r\n\r\n",
        "\u0000\u0001\u0002\r\n\r\n",
    })
    void err01_malformedRequestLineIs400ThenClose(String request) throws Exception {
        assertThat(exchange(request).status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/2.0", "HTTP/0.9", "HTTP/1.2", "HTTP/3.0"})
    void err02_unsupportedVersionIs505(String version) throws Exception {
        assertThat(exchange("GET /led " + version + "\r\nHost: t\r\n\r\n").status()).isEqualTo(505);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /led HTTP/1.1\r\n\r\n",
        "GET /led HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
        "POST /text HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx",
        "POST /text HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxy",
        "POST /text HTTP/1.1\r\nHost: t\r\nContent-Length: 1, 1\r\n\r\nx",
        "POST /text HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    })
    void err03_hostAndLengthConflictsAre400(String request) throws Exception {
        assertThat(exchange(request).status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "POST /text HTTP/1.1\r\nHost: t\r\nContent-Length: -1\r\n\r\n",
        "POST /text HTTP/1.1\r\nHost: t\r\nContent-Length: abc\r\n\r\n",
        "POST /text HTTP/1.1\r\nHost: t\r\nContent-Length: 0x10\r\n\r\n",
        "GET /led HTTP/1.1\r\nHost: t\r\nNoColonHere\r\n\r\n",
        "GET /led HTTP/1.1\r\nHost: t\r\nX-A: 1\r\n  folded\r\n\r\n",
        "GET /led HTTP/1.1\r\nHost: t\r\nX-A : 1\r\n\r\n",
        "GET /led HTTP/1.1\r\nHost: t\r\n: empty\r\n\r\n",
        "GET /led HTTP/1.1\r\nHost: t\r\nX-A: a\u0000b\r\n\r\n",
    })
    void err04_badHeaderLinesAre400(String request) throws Exception {
        assertThat(exchange(request).status()).isEqualTo(400);
    }

    @Test
    void err05_resetsDoNotDisturbOtherClients() throws Exception {
        try (RawHttp survivor = RawHttp.connect(server.port())) {
            for (int i = 0; i < 20; i++) {
                java.net.Socket rude = new java.net.Socket("127.0.0.1", server.port());
                if (i % 2 == 1) {
                    rude.getOutputStream().write("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n{".getBytes());
                }
                rude.setSoLinger(true, 0);
                rude.close();
            }
            assertThat(survivor.get("/led").read().status()).isEqualTo(200);
            assertThat(server.stats().internalErrors()).isZero();
        }
    }

    @Test
    void unsupportedTransferCodingIs501() throws Exception {
        assertThat(exchange("POST /text HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\n").status()).isEqualTo(501);
    }

    @Test
    void badPercentEncodingInPathIs400() throws Exception {
        assertThat(exchange("GET /l%zzd HTTP/1.1\r\nHost: t\r\n\r\n").status()).isEqualTo(400);
    }

    @Test
    void http10WithoutHostIsServed() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            assertThat(http.send("GET /led HTTP/1.0\r\n\r\n").read().status()).isEqualTo(200);
        }
    }
}
