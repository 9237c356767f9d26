package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.uconform.checks.support.Answers;
import io.uconform.checks.support.Access;
import io.uconform.checks.support.Exchange;
import io.uconform.checks.support.Requests;
import io.uconform.checks.support.Uploads;
import io.uconform.client.HttpReply;
import io.uconform.suite.Check;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import io.uconform.suite.Needs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AUTH: Basic access control. Roles: {@code protected} (a GET route behind Basic auth),
 * {@code data} (a public route), {@code upload} (file writes). Parameters: {@code authUser},
 * {@code authPassword}, and for AUTH-05 {@code authLockedUser}/{@code authLockedPassword}: an
 * account for which the target's auth callback returns a truthy value that is not {@code true}
 * (the reference device's {@code guest}/{@code guest}, whose callback returns the account record).
 * Constant-time comparison (AUTH-03) cannot be observed reliably over a network; the checks cover
 * its other half, comparison in full. AUTH-07 (writes to the configuration, resets) binds the roles
 * {@code config} and {@code reset}.
 */
@ConformanceChecks
public class AuthChecks {

    private static HttpReply getProtected(CheckContext ctx, Map<String, String> headers) {
        return ctx.http().send("GET", ctx.route("protected"), headers, null);
    }

    private static HttpReply withAuthorization(CheckContext ctx, String value) {
        return getProtected(ctx, Map.of("Authorization", value));
    }

    private static void denied(HttpReply reply, String attempt) {
        assertThat(reply.status()).as("%s must be refused with 401 (body: %s)", attempt, reply.text()).isEqualTo(401);
    }

    @Needs(routes = "protected")
    @Check("AUTH-01")
    void noCredentialsIs401WithBasicChallenge(CheckContext ctx) {
        HttpReply reply = getProtected(ctx, Map.of());
        denied(reply, "GET " + ctx.route("protected") + " without credentials");
        assertThat(reply.header("WWW-Authenticate")).as("WWW-Authenticate of the 401")
                .hasValueSatisfying(v -> assertThat(v).matches("(?i)basic\\s+realm=\"[^\"]*\".*"));
    }

    @Needs(routes = "protected", params = {"authPassword", "authUser"})
    @Check("AUTH-01")
    void wrongCredentialsAreChallengedToo(CheckContext ctx) {
        HttpReply reply = withAuthorization(ctx, Access.basic(Access.user(ctx), Access.password(ctx) + "-wrong"));
        denied(reply, "a wrong password");
        assertThat(reply.header("WWW-Authenticate")).as("WWW-Authenticate after a wrong password").isPresent();
    }

    @Needs(routes = "protected", params = {"authPassword", "authUser"})
    @Check("AUTH-02")
    void validCredentialsGrantAccess(CheckContext ctx) {
        HttpReply reply = getProtected(ctx, Access.authorized(ctx));
        Answers.expectStatusBetween(ctx, reply, String.format("GET %s with valid credentials (body: %s)", ctx.route("protected"), reply.text()), 200, 299);
    }

    @Needs(routes = "protected", params = {"authPassword", "authUser"})
    @Check("AUTH-02")
    void wrongUserIsRefused(CheckContext ctx) {
        denied(withAuthorization(ctx, Access.basic(Access.user(ctx) + "x", Access.password(ctx))), "a wrong user");
        denied(withAuthorization(ctx, Access.basic("mallory", Access.password(ctx))), "user mallory with the right password");
    }

    @Needs(routes = "protected", params = "authUser")
    @Check("AUTH-02")
    void wrongPasswordIsRefused(CheckContext ctx) {
        denied(withAuthorization(ctx, Access.basic(Access.user(ctx), "wrong")), "a wrong password");
        denied(withAuthorization(ctx, Access.basic(Access.user(ctx), "")), "an empty password");
    }

    @Needs(routes = "protected", params = {"authPassword", "authUser"})
    @Check("AUTH-02")
    void truncatedAndOverLongCredentialsAreRefused(CheckContext ctx) {
        String password = Access.password(ctx);
        String token = Access.b64(Access.user(ctx) + ":" + password);
        if (password.length() > 1) {
            denied(withAuthorization(ctx, Access.basic(Access.user(ctx), password.substring(0, password.length() - 1))),
                    "the password without its last character");
        }
        denied(withAuthorization(ctx, Access.basic(Access.user(ctx), password + password)), "the password twice");
        denied(withAuthorization(ctx, "Basic " + token.substring(0, token.length() - 4)), "a truncated base64 token");
        denied(withAuthorization(ctx, "Basic " + token + "AAAA"), "a base64 token with extra bytes");
        denied(withAuthorization(ctx, Access.basic(Access.user(ctx), password + "x".repeat(600))), "an over-long password");
        String user = Access.user(ctx);
        if (user.length() > 1) {
            denied(withAuthorization(ctx, Access.basic(user.substring(0, user.length() - 1), password)), "a prefix of the user");
        }
    }

    @Needs(routes = "protected", params = {"authPassword", "authUser"})
    @Check("AUTH-02")
    void badBase64IsRefused(CheckContext ctx) {
        String token = Access.b64(Access.user(ctx) + ":" + Access.password(ctx));
        for (String bad : List.of("Basic !" + token.substring(1), "Basic " + token.replace('=', '*'), "Basic",
                "Basic " + Access.b64(Access.user(ctx) + Access.password(ctx)), "Basic " + token.substring(1))) {
            denied(withAuthorization(ctx, bad), "Authorization: " + bad.replace(token, "<token>"));
        }
    }

    @Needs(routes = "protected", params = {"authPassword", "authUser"})
    @Check("AUTH-03")
    void schemeNameIsCaseInsensitive(CheckContext ctx) {
        String token = Access.b64(Access.user(ctx) + ":" + Access.password(ctx));
        for (String scheme : List.of("basic", "BASIC", "bAsIc")) {
            HttpReply reply = withAuthorization(ctx, scheme + " " + token);
            Answers.expectStatusBetween(ctx, reply, String.format("scheme '%s' with valid credentials (body: %s)", scheme, reply.text()), 200, 299);
        }
    }

    @Needs(routes = "protected", params = {"authPassword", "authUser"})
    @Check("AUTH-03")
    void credentialsCompareInFull(CheckContext ctx) {
        String user = Access.user(ctx);
        String password = Access.password(ctx);
        for (int keep = Math.max(1, password.length() / 2); keep < password.length(); keep++) {
            denied(withAuthorization(ctx, Access.basic(user, password.substring(0, keep))),
                    "a " + keep + "-character prefix of the password");
        }
        denied(withAuthorization(ctx, Access.basic(user, password + "\u0000")), "the password with a trailing NUL");
    }

    @Needs(routes = "protected", params = {"authPassword", "authUser"})
    @Check("AUTH-04")
    void bearerTokensNeverAuthenticate(CheckContext ctx) {
        String token = Access.b64(Access.user(ctx) + ":" + Access.password(ctx));
        denied(withAuthorization(ctx, "Bearer " + token), "Bearer <basic token>");
        denied(withAuthorization(ctx, "Bearer " + Access.password(ctx)), "Bearer <password>");
    }

    @Needs(routes = "protected", params = {"authPassword", "authUser"})
    @Check("AUTH-04")
    void cookiesNeverAuthenticate(CheckContext ctx) {
        String token = Access.b64(Access.user(ctx) + ":" + Access.password(ctx));
        denied(getProtected(ctx, Map.of("Cookie", "auth=" + token)), "Cookie auth=<token>");
        denied(getProtected(ctx, Map.of("Cookie", "user=" + Access.user(ctx) + "; password=" + Access.password(ctx))),
                "Cookie user/password");
    }

    @Needs(routes = "protected", params = {"authPassword", "authUser"})
    @Check("AUTH-04")
    void queryParametersNeverAuthenticate(CheckContext ctx) {
        String token = Access.b64(Access.user(ctx) + ":" + Access.password(ctx));
        String path = ctx.route("protected");
        String sep = path.contains("?") ? "&" : "?";
        for (String query : List.of("user=" + Access.user(ctx) + "&password=" + Access.password(ctx), "auth=" + token,
                "access_token=" + Access.password(ctx))) {
            denied(ctx.http().send("GET", path + sep + query, Map.of(), null), "credentials in the query");
        }
    }

    @Needs(routes = "protected", params = {"authLockedPassword", "authLockedUser"})
    @Check("AUTH-05")
    void callbackGrantsOnlyOnExplicitTrue(CheckContext ctx) {
        HttpReply reply = withAuthorization(ctx, Access.basic(ctx.param("authLockedUser"), ctx.param("authLockedPassword")));
        denied(reply, "an account whose auth callback answers a truthy value that is not true");
    }

    @Needs(routes = "data")
    @Check("AUTH-06")
    void publicRoutesNeedNoCredentials(CheckContext ctx) {
        HttpReply reply = ctx.http().get(ctx.route("data"));
        Answers.expectStatusBetween(ctx, reply, String.format("GET %s without credentials (body: %s)", ctx.route("data"), reply.text()), 200, 299);
    }

    @Needs(routes = {"files", "upload"}, params = {"authPassword", "authUser"})
    @Check("AUTH-06")
    void uploadsWithoutCredentialsAreRefused(CheckContext ctx) {
        String name = Access.scratchName(".txt");
        HttpReply reply = ctx.http().send("PUT", Uploads.uploadPath(ctx, name), Map.of(), "anonymous".getBytes(StandardCharsets.UTF_8));
        try {
            denied(reply, "PUT " + Uploads.uploadPath(ctx, name) + " without credentials");
            assertThat(Uploads.gone(ctx, name)).as("nothing stored for the refused upload %s", name).isTrue();
        } finally {
            Uploads.remove(ctx, name);
        }
    }

    @Needs(routes = {"files", "upload"}, params = {"authPassword", "authUser"})
    @Check("AUTH-06")
    void deletesWithoutCredentialsAreRefused(CheckContext ctx) {
        String name = Access.scratchName(".txt");
        Uploads.put(ctx, name, "keep me".getBytes(StandardCharsets.UTF_8));
        try {
            HttpReply reply = ctx.http().send("DELETE", Uploads.uploadPath(ctx, name), Map.of(), null);
            denied(reply, "DELETE without credentials");
            assertThat(Uploads.get(ctx, name).text()).as("the file after a refused DELETE").isEqualTo("keep me");
        } finally {
            Uploads.remove(ctx, name);
        }
    }

    /** BOOT-02 for the auth password: not in the protected area's answers, its refusals, or the listed routes. */
    @Needs(routes = "protected", params = {"authPassword", "authUser"})
    @Check("BOOT-02")
    void authPasswordIsNeverReturned(CheckContext ctx) {
        String password = Access.password(ctx);
        List<HttpReply> replies = new ArrayList<>();
        replies.add(getProtected(ctx, Access.authorized(ctx)));
        replies.add(getProtected(ctx, Map.of()));
        replies.add(withAuthorization(ctx, Access.basic(Access.user(ctx), password + "x")));
        replies.add(ctx.http().send("GET", ctx.route("protected") + "-missing", Access.authorized(ctx), null));
        for (String role : List.of("index", "files")) {
            ctx.profile().route(role).ifPresent(path -> replies.add(ctx.http().get(path)));
        }
        for (HttpReply reply : replies) {
            assertThat(reply.text()).as("a %d answer", reply.status()).doesNotContain(password);
            assertThat(reply.headers().toString()).as("headers of a %d answer", reply.status()).doesNotContain(password);
        }
        assertThat(ctx.console().lines()).as("console lines").noneMatch(line -> line.toString().contains(password));
    }

    /**
     * A campaign of malformed or wrong Basic credentials on reads and uploads; the count is reported
     * as evidence. Bearer tokens and cookies (AUTH-04) and deletes (AUTH-06) have their own checks.
     */
    @Needs(routes = {"protected", "upload"}, params = {"authPassword", "authUser"})
    @Check("AUTH-02")
    void bypassCampaignNeverSucceeds(CheckContext ctx) {
        String user = Access.user(ctx);
        String password = Access.password(ctx);
        String token = Access.b64(user + ":" + password);
        Map<String, Map<String, String>> attempts = new LinkedHashMap<>();
        attempts.put("none", Map.of());
        attempts.put("wrong user", Map.of("Authorization", Access.basic("root", password)));
        attempts.put("wrong password", Map.of("Authorization", Access.basic(user, "admin")));
        attempts.put("swapped", Map.of("Authorization", Access.basic(password, user)));
        attempts.put("upper-case user", Map.of("Authorization", Access.basic(user.toUpperCase(java.util.Locale.ROOT), password)));
        attempts.put("no colon", Map.of("Authorization", "Basic " + Access.b64(user + password)));
        attempts.put("user only", Map.of("Authorization", "Basic " + Access.b64(user + ":")));
        attempts.put("raw token", Map.of("Authorization", token));
        attempts.put("scheme only", Map.of("Authorization", "Basic "));
        attempts.put("digest", Map.of("Authorization", "Digest username=\"" + user + "\""));
        attempts.put("scheme glued", Map.of("Authorization", "Basic" + token));
        attempts.put("proxy header", Map.of("Proxy-Authorization", "Basic " + token));
        attempts.put("x header", Map.of("X-Authorization", "Basic " + token));
        attempts.put("prefix password", Map.of("Authorization", Access.basic(user, password.substring(0, 1))));
        attempts.put("NUL user", Map.of("Authorization", Access.basic(user + "\u0000", password)));
        List<String> successes = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, Map<String, String>> attempt : attempts.entrySet()) {
            String name = Access.scratchName(".txt");
            List<HttpReply> replies = List.of(
                    getProtected(ctx, attempt.getValue()),
                    ctx.http().send("PUT", Uploads.uploadPath(ctx, name), attempt.getValue(), new byte[] {'x'}));
            count += replies.size();
            for (HttpReply reply : replies) {
                if (reply.status() != 401) {
                    successes.add(attempt.getKey() + " -> " + reply.status());
                }
            }
            Uploads.remove(ctx, name);
        }
        ctx.note("AUTH bypass campaign: " + count + " attempts (read, upload), " + successes.size() + " not refused");
        assertThat(successes).as("bypass attempts not refused with 401").isEmpty();
    }

    /**
     * AUTH-07: writes to the configuration without valid credentials are refused with the Basic
     * challenge and change nothing: credentials ({@code auth.*}, the takeover), the station
     * password, the home URL, a harmless name. A write that got through is undone with the
     * credentials it set, so the verdict stays with this check.
     */
    @Needs(routes = "config", params = {"authPassword", "authUser"})
    @Check("AUTH-07")
    void configWritesWithoutCredentialsAreRefused(CheckContext ctx) {
        assertConfigWritesRefused(ctx, Map.of(), "no credentials");
    }

    @Needs(routes = "config", params = {"authPassword", "authUser"})
    @Check("AUTH-07")
    void configWritesWithWrongCredentialsAreRefused(CheckContext ctx) {
        assertConfigWritesRefused(ctx, Map.of("Authorization", Access.basic(Access.user(ctx), Access.password(ctx) + "-x")),
                "a wrong password");
        assertConfigWritesRefused(ctx, Map.of("Authorization", Access.basic("mallory", Access.password(ctx))),
                "user mallory with the right password");
        assertConfigWritesRefused(ctx, Map.of("Authorization", "Bearer " + Access.password(ctx)), "a Bearer token");
    }

    @Needs(routes = "config", params = {"authPassword", "authUser"})
    @Check("AUTH-07")
    void configWritesWithValidCredentialsAreApplied(CheckContext ctx) {
        String config = ctx.route("config");
        String name = Access.scratchName("");
        JsonNode before = configData(ctx);
        HttpReply put = putConfig(ctx, Access.authorized(ctx), "{\"device\":{\"name\":\"" + name + "\"}}");
        try {
            Answers.expectStatus(ctx, put, String.format("PUT %s with valid credentials (body: %s)", config, put.text()), 200);
            assertThat(configData(ctx).path("device").path("name").asText()).as("device name after the PUT")
                    .isEqualTo(name);
        } finally {
            putConfig(ctx, Access.authorized(ctx), "{\"device\":{\"name\":"
                    + before.path("device").path("name").toString() + "}}");
        }
    }

    /** AUTH-07: a reset request without valid credentials is refused and the device does not reboot. */
    @Needs(routes = {"reset", "system"}, params = {"authPassword", "authUser"})
    @Check("AUTH-07")
    void resetWithoutValidCredentialsIsRefused(CheckContext ctx) {
        String reset = ctx.route("reset");
        Access.password(ctx);
        String system = io.uconform.checks.support.BoardRoutes.system(ctx);
        long uptime = uptime(ctx, system);
        for (Map.Entry<String, Map<String, String>> attempt : Map.of(
                "no credentials", Map.<String, String>of(),
                "a wrong password", Map.of("Authorization", Access.basic(Access.user(ctx), "wrong"))).entrySet()) {
            HttpReply reply = send(ctx, "POST", reset, attempt.getValue());
            denied(reply, "POST " + reset + " with " + attempt.getKey());
            assertThat(reply.header("WWW-Authenticate")).as("WWW-Authenticate of the refused reset")
                    .hasValueSatisfying(v -> assertThat(v).matches("(?i)basic\\s+realm=\"[^\"]*\".*"));
        }
        if (uptime < 0) {
            ctx.note("not verified that the device did not reboot: " + system + " reports no uptime_ms");
            return;
        }
        // a reset may run after its answer: uptime must keep growing for a while after the refusals
        long[] last = {uptime};
        org.awaitility.Awaitility.await("uptime_ms of " + system + " growing past " + uptime + " (no reboot)")
                .during(java.time.Duration.ofMillis(700)).atMost(java.time.Duration.ofSeconds(3))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> {
                    long now = uptime(ctx, system);
                    boolean growing = now >= last[0];
                    last[0] = Math.max(last[0], now);
                    return growing;
                });
    }

    private static void assertConfigWritesRefused(CheckContext ctx, Map<String, String> attempt, String what) {
        String config = ctx.route("config");
        String user = Access.user(ctx);
        String password = Access.password(ctx);
        JsonNode before = configData(ctx);
        Map<String, String> patches = new LinkedHashMap<>();
        patches.put("auth.user/auth.password", "{\"auth\":{\"user\":\"mallory\",\"password\":\"owned-by-mallory\"}}");
        patches.put("sta.password", "{\"sta\":{\"password\":\"mallory-wifi\"}}");
        patches.put("home.url", "{\"home\":{\"url\":\"http://198.51.100.7/mallory\"}}");
        patches.put("device.name", "{\"device\":{\"name\":\"mallory\"}}");
        List<String> accepted = new ArrayList<>();
        try {
            for (Map.Entry<String, String> patch : patches.entrySet()) {
                HttpReply reply = putConfig(ctx, attempt, patch.getValue());
                if (reply.status() != 401) {
                    accepted.add(patch.getKey() + " -> " + reply.status());
                    continue;
                }
                assertThat(reply.header("WWW-Authenticate")).as("WWW-Authenticate of the refused PUT %s", config)
                        .hasValueSatisfying(v -> assertThat(v).matches("(?i)basic\\s+realm=\"[^\"]*\".*"));
            }
            assertThat(accepted).as("PUT %s with %s: writes not refused with 401", config, what).isEmpty();
            assertThat(configData(ctx)).as("configuration after the refused writes").isEqualTo(before);
        } finally {
            if (!accepted.isEmpty()) {
                // undo: the credentials may now be mallory's, and the old station password is lost
                String restore = "{\"auth\":{\"user\":" + json(user) + ",\"password\":" + json(password) + "},"
                        + "\"home\":{\"url\":" + before.path("home").path("url").toString() + "},"
                        + "\"device\":{\"name\":" + before.path("device").path("name").toString() + "}}";
                for (Map<String, String> as : List.of(Access.authorized(ctx), Map.of("Authorization",
                        Access.basic("mallory", "owned-by-mallory")), attempt)) {
                    if (putConfig(ctx, as, restore).status() == 200) {
                        break;
                    }
                }
                ctx.note("writes that got through were undone (credentials, home URL, name); sta.password may be lost");
            }
        }
    }

    /** On a fresh connection each time (as HOME-01 does): a short idle timeout closes pooled ones between steps. */
    private static HttpReply putConfig(CheckContext ctx, Map<String, String> headers, String json) {
        return Exchange.once(ctx, Requests.json(ctx, "PUT", ctx.route("config"), json, lines(headers)));
    }

    private static HttpReply send(CheckContext ctx, String method, String path, Map<String, String> headers) {
        String[] lines = java.util.stream.Stream.concat(java.util.stream.Stream.of("Content-Length: 0"),
                java.util.Arrays.stream(lines(headers))).toArray(String[]::new);
        return Exchange.once(ctx, Requests.head(ctx, method, path, lines) + Requests.CRLF);
    }

    private static String[] lines(Map<String, String> headers) {
        return headers.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toArray(String[]::new);
    }

    private static JsonNode configData(CheckContext ctx) {
        HttpReply reply = Exchange.once(ctx, Requests.get(ctx, ctx.route("config")));
        Answers.expectStatus(ctx, reply, String.format("GET %s (body: %s)", ctx.route("config"), reply.text()), 200);
        return reply.json().path("data");
    }

    private static long uptime(CheckContext ctx, String system) {
        HttpReply reply = Exchange.once(ctx, Requests.get(ctx, system));
        JsonNode uptime = reply.status() == 200 ? reply.json().path("data").path("uptime_ms") : null;
        return uptime != null && uptime.canConvertToLong() ? uptime.asLong() : -1;
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
