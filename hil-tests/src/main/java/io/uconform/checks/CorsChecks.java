package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.checks.support.Answers;
import io.uconform.checks.support.Access;
import io.uconform.checks.support.Exchange;
import io.uconform.checks.support.Requests;
import io.uconform.client.HttpReply;
import io.uconform.suite.Check;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import io.uconform.suite.Needs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * CORS. Whether the target runs with CORS on is configuration, not behaviour (deducing it from the
 * answers would let a server that wrongly sends the header pass as "on"): it comes from the
 * target's {@code cors} fact ({@code sim} with {@code cors=on} reports it) or the profile parameter
 * {@code cors}, default {@code off} as in the contract. CORS-01/02 run on targets with CORS on and
 * CORS-03 on targets with it off, so one run covers the group with two targets, e.g. a targets
 * file holding {@code {"kind":"sim"}} and {@code {"kind":"sim","options":{"cors":"on"}}}.
 * Roles: {@code data}, {@code missing}; CORS-02 also {@code sideEffect} (a GET route whose handler
 * changes state, e.g. {@code /led/toggle}) and {@code sideEffectState} (where that state is read,
 * e.g. {@code /led}).
 */
@ConformanceChecks
public class CorsChecks {
    private static final String ORIGIN = "Origin: http://app.example";

    private static void requireCors(CheckContext ctx, boolean on) {
        Assumptions.assumeTrue(Access.corsOn(ctx) == on, on
                ? "target runs with CORS off (no cors=on fact or profile parameter); start it with CORS on, e.g. sim with cors=on"
                : "target runs with CORS on; CORS-03 applies to targets with CORS off");
    }

    private static List<HttpReply> assortedReplies(CheckContext ctx) {
        List<HttpReply> replies = new ArrayList<>();
        replies.add(ctx.http().send("GET", ctx.route("data"), Map.of("Origin", "http://app.example"), null));
        replies.add(ctx.http().send("GET", ctx.route("missing"), Map.of("Origin", "http://app.example"), null));
        replies.add(Exchange.once(ctx, Requests.get(ctx, ctx.route("data"), ORIGIN, "Bad header line without colon")));
        replies.add(Exchange.once(ctx, Requests.get(ctx, ctx.route("data"), ORIGIN, "Content-Length: -1")));
        return replies;
    }

    @Needs(routes = "data")
    @Check("CORS-01")
    void successCarriesAllowOrigin(CheckContext ctx) {
        requireCors(ctx, true);
        HttpReply reply = ctx.http().send("GET", ctx.route("data"), Map.of("Origin", "http://app.example"), null);
        assertThat(reply.status()).isBetween(200, 299);
        assertThat(reply.header("Access-Control-Allow-Origin")).as("Access-Control-Allow-Origin of a 2xx").isPresent();
    }

    @Needs(routes = {"data", "missing"})
    @Check("CORS-01")
    void errorsCarryAllowOriginToo(CheckContext ctx) {
        requireCors(ctx, true);
        for (HttpReply reply : assortedReplies(ctx)) {
            assertThat(reply.header("Access-Control-Allow-Origin"))
                    .as("Access-Control-Allow-Origin of a %d response", reply.status()).isPresent();
        }
    }

    @Needs(routes = "missing")
    @Check("CORS-01")
    void requestsWithoutOriginGetItToo(CheckContext ctx) {
        requireCors(ctx, true);
        HttpReply reply = ctx.http().get(ctx.route("missing"));
        assertThat(reply.header("Access-Control-Allow-Origin")).as("Access-Control-Allow-Origin of a 404 without Origin")
                .isPresent();
    }

    @Needs(routes = "data")
    @Check("CORS-02")
    void preflightGetsAllowHeaders(CheckContext ctx) {
        requireCors(ctx, true);
        HttpReply reply = preflight(ctx, ctx.route("data"), "PUT");
        Answers.expectStatusBetween(ctx, reply, String.format("preflight status (body: %s)", reply.text()), 200, 299);
        assertThat(reply.header("Access-Control-Allow-Origin")).as("Access-Control-Allow-Origin of the preflight").isPresent();
        assertThat(reply.header("Access-Control-Allow-Methods")).as("Access-Control-Allow-Methods of the preflight")
                .hasValueSatisfying(v -> assertThat(v.toUpperCase(java.util.Locale.ROOT)).contains("PUT"));
        assertThat(reply.header("Access-Control-Allow-Headers")).as("Access-Control-Allow-Headers of the preflight")
                .hasValueSatisfying(v -> assertThat(v.toLowerCase(java.util.Locale.ROOT)).contains("content-type"));
    }

    @Needs(routes = {"sideEffect", "sideEffectState"})
    @Check("CORS-02")
    void preflightDoesNotInvokeTheHandler(CheckContext ctx) {
        requireCors(ctx, true);
        String effect = ctx.route("sideEffect");
        String state = ctx.route("sideEffectState");
        String before = ctx.http().get(state).text();
        HttpReply reply = preflight(ctx, effect, "GET");
        String after = ctx.http().get(state).text();
        assertThat(after).as("state at %s after a preflight for %s (preflight answered %d: %s)", state, effect,
                reply.status(), reply.text()).isEqualTo(before);
    }

    @Needs(routes = {"data", "missing"})
    @Check("CORS-03")
    void offMeansNoAccessControlHeaders(CheckContext ctx) {
        requireCors(ctx, false);
        List<HttpReply> replies = assortedReplies(ctx);
        replies.add(preflight(ctx, ctx.route("data"), "PUT"));
        for (HttpReply reply : replies) {
            assertThat(reply.headers().keySet()).as("headers of a %d response with CORS off", reply.status())
                    .noneMatch(name -> name.startsWith("access-control-"));
        }
    }

    private static HttpReply preflight(CheckContext ctx, String path, String method) {
        return Exchange.once(ctx, Requests.head(ctx, "OPTIONS", path, ORIGIN, "Access-Control-Request-Method: " + method,
                "Access-Control-Request-Headers: content-type") + Requests.CRLF);
    }
}
