package io.uconform.server.cors;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.ServerFault;
import io.uconform.server.ServerOptions;
import io.uconform.server.auth.AccessServer;
import io.uconform.server.auth.Raw;
import io.uconform.server.support.RawHttp;
import io.uconform.server.support.RawResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CorsTest {
    private static final String PREFLIGHT = "OPTIONS /hits HTTP/1.1\r\nHost: t\r\nOrigin: http://app.example\r\n"
            + "Access-Control-Request-Method: PUT\r\nAccess-Control-Request-Headers: content-type\r\n\r\n";

    @TempDir
    Path dir;

    private AccessServer start(boolean cors, ServerFault... faults) throws Exception {
        Set<ServerFault> set = faults.length == 0 ? Set.of() : EnumSet.of(faults[0], faults);
        ServerOptions options = ServerOptions.defaults().withFaults(set)
                .withCors(cors ? CorsPolicy.anyOrigin() : CorsPolicy.off());
        return AccessServer.start(dir, options);
    }

    /** 200, 401, 404, 405, 500, 400 (malformed, answered before routing) and 413. */
    private static List<RawResponse> variety(int port) throws Exception {
        List<RawResponse> replies = new ArrayList<>();
        replies.add(Raw.get(port, "/hits", "Origin: http://app.example"));
        replies.add(Raw.get(port, "/api/whoami", "Origin: http://app.example"));
        replies.add(Raw.get(port, "/nowhere", "Origin: http://app.example"));
        replies.add(Raw.send(port, "DELETE", "/echo", List.of("Origin: http://app.example"), null));
        replies.add(Raw.get(port, "/boom", "Origin: http://app.example"));
        try (RawHttp http = RawHttp.connect(port)) {
            replies.add(http.send("GET /hits HTTP/1.1\r\nHost: t\r\nBad header line\r\n\r\n").read());
        }
        replies.add(Raw.send(port, "POST", "/echo", List.of("Origin: http://app.example"), new byte[70_000]));
        return replies;
    }

    @Test
    void cors01_everyResponseErrorsIncludedCarriesAllowOrigin() throws Exception {
        try (AccessServer access = start(true)) {
            List<RawResponse> replies = variety(access.port());
            assertThat(replies).extracting(RawResponse::status).containsExactly(200, 401, 404, 405, 500, 400, 413);
            assertThat(replies).allSatisfy(r -> assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*"));
        }
    }

    @Test
    void cors02_preflightIsAnsweredWithoutTheHandler() throws Exception {
        try (AccessServer access = start(true); RawHttp http = RawHttp.connect(access.port())) {
            RawResponse reply = http.send(PREFLIGHT).read();
            assertThat(reply.status()).isEqualTo(204);
            assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("*");
            assertThat(reply.header("Access-Control-Allow-Methods")).contains("PUT");
            assertThat(reply.header("Access-Control-Allow-Headers")).containsIgnoringCase("content-type");
            assertThat(access.hits.get()).isZero();
        }
    }

    @Test
    void cors03_offMeansNoAccessControlHeaderAtAll() throws Exception {
        try (AccessServer access = start(false); RawHttp http = RawHttp.connect(access.port())) {
            List<RawResponse> replies = new ArrayList<>(variety(access.port()));
            replies.add(http.send(PREFLIGHT).read());
            assertThat(replies).allSatisfy(r -> assertThat(r.headers().keySet())
                    .noneMatch(name -> name.startsWith("access-control-")));
        }
    }

    @Test
    void faultsBreakTheirRequirement() throws Exception {
        try (AccessServer access = start(true, ServerFault.CORS_MISSING_ON_ERRORS)) {
            assertThat(Raw.get(access.port(), "/nowhere").header("Access-Control-Allow-Origin")).isNull();
            assertThat(Raw.get(access.port(), "/hits").header("Access-Control-Allow-Origin")).isEqualTo("*");
        }
        try (AccessServer access = start(true, ServerFault.CORS_PREFLIGHT_TO_HANDLER); RawHttp http = RawHttp.connect(access.port())) {
            http.send(PREFLIGHT).read();
            assertThat(access.hits.get()).isEqualTo(1);
        }
        try (AccessServer access = start(false, ServerFault.CORS_HEADER_WHEN_OFF)) {
            assertThat(Raw.get(access.port(), "/hits").header("Access-Control-Allow-Origin")).isEqualTo("*");
        }
    }
}
