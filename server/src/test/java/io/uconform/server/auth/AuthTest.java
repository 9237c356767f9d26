package io.uconform.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.ServerFault;
import io.uconform.server.support.RawResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthTest {
    @TempDir
    static Path dir;
    private static AccessServer access;

    @BeforeAll
    static void start() throws Exception {
        access = AccessServer.start(dir);
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void auth01_noCredentialsIsChallenged() throws Exception {
        RawResponse reply = Raw.get(access.port(), "/api/whoami");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Basic realm=\"uconform\"");
        assertThat(reply.text()).contains("\"error\"");
    }

    @Test
    void auth02_validCredentialsGetIn() throws Exception {
        RawResponse reply = Raw.get(access.port(), "/api/whoami", AccessServer.basic());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).isEqualTo("{\"data\":{\"user\":\"admin\"}}");
    }

    @Test
    void auth02_unknownApiPathIsAuthenticatedBeforeItIs404() throws Exception {
        assertThat(Raw.get(access.port(), "/api/nothing").status()).isEqualTo(401);
        assertThat(Raw.get(access.port(), "/api/nothing", AccessServer.basic()).status()).isEqualTo(404);
    }

    @Test
    void auth03_schemeCaseDoesNotMatter() throws Exception {
        String token = AccessServer.basic().substring("Authorization: Basic ".length());
        for (String scheme : List.of("basic", "BASIC", "bAsIc")) {
            assertThat(Raw.get(access.port(), "/api/whoami", "Authorization: " + scheme + " " + token).status())
                    .as(scheme).isEqualTo(200);
        }
    }

    @Test
    void auth06_publicRoutesNeedNoCredentials() throws Exception {
        assertThat(Raw.get(access.port(), "/hits").status()).isEqualTo(200);
        assertThat(Raw.get(access.port(), "/files/index.html").status()).isEqualTo(200);
    }

    /** AUTH-02/03/04/05 and AUTH-06 for writes: every attempt is a 401 and changes nothing. */
    @Test
    void bypassCampaign() throws Exception {
        List<List<String>> attempts = BypassAttempts.headerSets(AccessServer.USER, AccessServer.PASSWORD);
        List<String> queries = BypassAttempts.querySuffixes(AccessServer.USER, AccessServer.PASSWORD);
        int count = 0;
        List<String> successes = new ArrayList<>();
        for (List<String> headers : attempts) {
            count += attempt(headers, "", successes);
        }
        for (String query : queries) {
            count += attempt(List.of(), query, successes);
        }
        System.out.printf("AUTH bypass campaign: %d attempts (GET /api/whoami, PUT and DELETE /files), %d successes%n",
                count, successes.size());
        assertThat(successes).isEmpty();
        assertThat(count).isGreaterThanOrEqualTo(20);
        try (var files = Files.list(access.webRoot)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("index.html");
        }
    }

    private int attempt(List<String> headers, String query, List<String> successes) throws Exception {
        int port = access.port();
        RawResponse read = Raw.send(port, "GET", "/api/whoami" + query, headers, null);
        RawResponse write = Raw.send(port, "PUT", "/files/bypass.txt" + query, headers,
                "pwned".getBytes(StandardCharsets.UTF_8));
        RawResponse delete = Raw.send(port, "DELETE", "/files/index.html" + query, headers, null);
        for (RawResponse reply : List.of(read, write, delete)) {
            if (reply.status() != 401) {
                successes.add(headers + query + " -> " + reply.status());
            }
        }
        return 3;
    }

    @Test
    void faultsBreakTheirRequirement() throws Exception {
        String token = AccessServer.basic().substring("Authorization: Basic ".length());
        try (AccessServer faulty = AccessServer.start(dir.resolve("f1"), ServerFault.AUTH_NO_CHALLENGE)) {
            RawResponse reply = Raw.get(faulty.port(), "/api/whoami");
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.header("WWW-Authenticate")).isNull();
        }
        try (AccessServer faulty = AccessServer.start(dir.resolve("f2"), ServerFault.AUTH_ANY_USER)) {
            assertThat(Raw.get(faulty.port(), "/api/whoami", AccessServer.basic("mallory", AccessServer.PASSWORD))
                    .status()).isEqualTo(200);
        }
        try (AccessServer faulty = AccessServer.start(dir.resolve("f3"), ServerFault.AUTH_SCHEME_CASE_SENSITIVE)) {
            assertThat(Raw.get(faulty.port(), "/api/whoami", "Authorization: basic " + token).status()).isEqualTo(401);
        }
        try (AccessServer faulty = AccessServer.start(dir.resolve("f4"), ServerFault.AUTH_BEARER_ACCEPTED)) {
            assertThat(Raw.get(faulty.port(), "/api/whoami", "Authorization: Bearer " + token).status()).isEqualTo(200);
        }
        try (AccessServer faulty = AccessServer.start(dir.resolve("f5"), ServerFault.AUTH_CALLBACK_TRUTHY)) {
            assertThat(Raw.get(faulty.port(), "/api/whoami",
                    AccessServer.basic(DeviceAccounts.LOCKED_USER, DeviceAccounts.LOCKED_PASSWORD)).status()).isEqualTo(200);
        }
        try (AccessServer faulty = AccessServer.start(dir.resolve("f6"), ServerFault.FILE_DELETE_UNPROTECTED)) {
            assertThat(Raw.send(faulty.port(), "DELETE", "/files/index.html", List.of(), null).status()).isEqualTo(200);
            assertThat(Files.exists(faulty.webRoot.resolve("index.html"))).isFalse();
        }
    }

    @Test
    void callbackGrantsOnlyOnExactTrue() throws Exception {
        for (Object verdict : new Object[] {"true", 1, Map.of("ok", true), "yes", null, Boolean.FALSE, new Object()}) {
            AccessGuard guard = AccessGuard.withCallback("r", (u, p) -> verdict, java.util.Set.of());
            io.uconform.server.Request request = io.uconform.server.Request.of("GET", "/api/x",
                    List.of(Map.entry("Authorization", "Basic " + Base64.getEncoder().encodeToString("a:b".getBytes(StandardCharsets.UTF_8)))),
                    new byte[0], "test");
            assertThat(guard.authenticate(request)).as(String.valueOf(verdict)).isEmpty();
        }
        AccessGuard granting = AccessGuard.withCallback("r", (u, p) -> Boolean.TRUE, java.util.Set.of());
        io.uconform.server.Request request = io.uconform.server.Request.of("GET", "/api/x",
                List.of(Map.entry("Authorization", "Basic YTpi")), new byte[0], "test");
        assertThat(granting.authenticate(request)).contains("a");
    }
}
