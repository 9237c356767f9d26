package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.checks.support.Access;
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
 * its other half, comparison in full.
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
        assertThat(reply.status()).as("GET %s with valid credentials (body: %s)", ctx.route("protected"), reply.text())
                .isBetween(200, 299);
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
            assertThat(reply.status()).as("scheme '%s' with valid credentials (body: %s)", scheme, reply.text())
                    .isBetween(200, 299);
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
        assertThat(reply.status()).as("GET %s without credentials (body: %s)", ctx.route("data"), reply.text())
                .isBetween(200, 299);
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
}
