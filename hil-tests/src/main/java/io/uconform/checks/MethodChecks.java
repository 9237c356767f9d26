package io.uconform.checks;

import static io.uconform.checks.support.Requests.CRLF;

import io.uconform.checks.support.Answers;
import io.uconform.checks.support.Exchange;
import io.uconform.checks.support.Requests;
import io.uconform.client.HttpReply;
import io.uconform.client.RawConnection;
import io.uconform.probe.BoardProbe;
import io.uconform.suite.Check;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import io.uconform.suite.Needs;
import org.junit.jupiter.api.Order;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** METH: methods. */
@ConformanceChecks
@Order(ChecksOrder.METHODS)
public class MethodChecks {

    @Needs(routes = "data")
    @Check("METH-01")
    void deleteOnGetRouteIs405WithAllow(CheckContext ctx) {
        assertNotAllowed(ctx, "DELETE", ctx.route("data"), "GET");
    }

    @Needs(routes = "index")
    @Check("METH-01")
    void putOnIndexIs405WithAllow(CheckContext ctx) {
        assertNotAllowed(ctx, "PUT", ctx.route("index"), "GET");
    }

    @Needs(routes = "json")
    @Check("METH-01")
    void getOnPostRouteIs405WithAllow(CheckContext ctx) {
        assertNotAllowed(ctx, "GET", ctx.route("json"), "POST");
    }

    @Needs(routes = "data")
    @Check("METH-01")
    void patchOnGetRouteIs405WithAllow(CheckContext ctx) {
        assertNotAllowed(ctx, "PATCH", ctx.route("data"), "GET");
    }

    @Needs(routes = "index")
    @Check("METH-02")
    void unknownMethodIs501(CheckContext ctx) {
        assertNotImplemented(ctx, "BREW", ctx.route("index"));
    }

    @Needs(routes = "index")
    @Check("METH-02")
    void lowercaseMethodIs501(CheckContext ctx) {
        assertNotImplemented(ctx, "get", ctx.route("index"));
    }

    @Needs(routes = "json")
    @Check("METH-02")
    void mixedCaseMethodIs501(CheckContext ctx) {
        assertNotImplemented(ctx, "Post", ctx.route("json"));
    }

    @Needs(routes = "missing")
    @Check("METH-02")
    void unknownMethodOnMissingRouteIs501(CheckContext ctx) {
        assertNotImplemented(ctx, "PROPFIND", ctx.route("missing"));
    }

    @Needs(routes = "json")
    @Check("METH-03")
    void postWithBodyButNoLengthIs411(CheckContext ctx) {
        String request = Requests.head(ctx, "POST", ctx.route("json"), "Content-Type: application/json") + CRLF
                + "{\"no\":\"length\"}";
        HttpReply reply = Exchange.once(ctx, request);
        Answers.expectStatus(ctx, reply, String.format("POST with a body and no Content-Length (body: %s)", reply.text()), 411);
    }

    @Needs(routes = "json")
    @Check("METH-03")
    void postWithBodyButNoLengthAndCloseIs411(CheckContext ctx) {
        String request = Requests.head(ctx, "POST", ctx.route("json"), "Content-Type: application/json",
                "Connection: close") + CRLF + "[1,2,3]";
        HttpReply reply = Exchange.once(ctx, request);
        Answers.expectStatus(ctx, reply, "POST with a body, no Content-Length, Connection: close", 411);
    }

    @Needs(routes = "json")
    @Check("METH-03")
    void chunkedPostIsNot411(CheckContext ctx) {
        String request = Requests.head(ctx, "POST", ctx.route("json"), "Content-Type: application/json",
                "Transfer-Encoding: chunked") + CRLF + "7" + CRLF + "{\"a\":1}" + CRLF + "0" + CRLF + CRLF;
        HttpReply reply = Exchange.once(ctx, request);
        Answers.expectStatus(ctx, reply, String.format("chunked POST (body: %s)", reply.text()), 200);
        if (reply.json().path("data").path("a").asInt() != 1) {
            throw new AssertionError("POST " + ctx.route("json") + " with {\"a\":1} in a chunked body: answered "
                    + Answers.describe(reply) + " echoing " + Answers.oneLine(reply.text()) + "; expected the decoded "
                    + "body echoed, {\"a\":1} (" + ctx.requirement() + ")");
        }
    }

    @Needs(routes = "data")
    @Check("METH-04")
    void optionsAnswersWithAllow(CheckContext ctx) {
        HttpReply reply = ctx.http().send("OPTIONS", ctx.route("data"), Map.of(), null);
        assertOptions(ctx, reply, "OPTIONS " + ctx.route("data"), "GET");
    }

    @Needs(routes = "json")
    @Check("METH-04")
    void optionsOnPostRouteListsPost(CheckContext ctx) {
        assertOptions(ctx, Exchange.once(ctx, Requests.head(ctx, "OPTIONS", ctx.route("json")) + CRLF),
                "OPTIONS " + ctx.route("json"), "POST");
    }

    @Needs(routes = "raise")
    @Check("METH-04")
    void optionsDoesNotInvokeAThrowingHandler(CheckContext ctx) {
        HttpReply reply = Exchange.once(ctx, Requests.head(ctx, "OPTIONS", ctx.route("raise")) + CRLF);
        Answers.expectStatus(ctx, reply, String.format("OPTIONS %s: a 500 means the handler ran (body: %s)", ctx.route("raise"),
                reply.text()), 200, 204);
        allowed(ctx, reply, "OPTIONS " + ctx.route("raise"));
    }

    @Needs(routes = "nowait", params = "ledPin")
    @Check("METH-04")
    void optionsDoesNotStartBackgroundWork(CheckContext ctx) {
        ctx.probe();
        int led = io.uconform.checks.support.BoardRoutes.pin(ctx, "ledPin");
        BoardProbe probe = ctx.probe(io.uconform.probe.ProbeAbility.TIMELINE, led);
        long mark = probe.nowMillis();
        try (RawConnection c = ctx.raw().open()) {
            HttpReply reply = Exchange.on(ctx, c, Requests.json(ctx, "OPTIONS", ctx.route("nowait"),
                    "{\"times\":2,\"interval_ms\":20}"));
            Answers.expectStatus(ctx, reply, String.format("OPTIONS %s status", ctx.route("nowait")), 200, 204);
            // The blink would toggle within 20 ms; waiting a bounded 200 ms on the socket gives it time to show.
            c.closedByPeerWithin(java.time.Duration.ofMillis(200));
        }
        if (!probe.changes(led, mark).isEmpty()) {
            throw Answers.failure(ctx, "OPTIONS " + ctx.route("nowait") + " with a blink body", "the LED (GPIO " + led
                    + ") changed " + probe.changes(led, mark).size() + " times after it", "no background work started");
        }
    }

    static void assertNotAllowed(CheckContext ctx, String method, String path, String expectedAllowed) {
        HttpReply reply = Exchange.once(ctx, Requests.head(ctx, method, path, "Content-Length: 0") + CRLF);
        String what = method + " " + path;
        Answers.expectStatus(ctx, reply, String.format("%s (body: %s)", what, reply.text()), 405);
        Set<String> allowed = allowed(ctx, reply, what);
        if (!allowed.contains(expectedAllowed) || allowed.contains(method)) {
            throw Answers.failure(ctx, what, "answered 405 with " + Answers.header(reply, "Allow"), "an Allow that lists "
                    + expectedAllowed + " and not " + method);
        }
    }

    static void assertNotImplemented(CheckContext ctx, String method, String path) {
        HttpReply reply = Exchange.once(ctx, Requests.head(ctx, method, path) + CRLF);
        Answers.expectStatus(ctx, reply, String.format("%s %s status (body: %s)", method, path, reply.text()), 501);
    }

    static void assertOptions(CheckContext ctx, HttpReply reply, String what, String expectedAllowed) {
        Answers.expectStatus(ctx, reply, what + " (body: " + reply.text() + ")", 200, 204);
        if (!allowed(ctx, reply, what).contains(expectedAllowed)) {
            throw Answers.failure(ctx, what, "answered " + reply.status() + " with " + Answers.header(reply, "Allow"),
                    "an Allow that lists " + expectedAllowed);
        }
    }

    /** The methods of the Allow header; fails in one line when the reply has none (METH-01, METH-04 want one). */
    static Set<String> allowed(CheckContext ctx, HttpReply reply, String what) {
        if (reply.header("Allow").isEmpty()) {
            throw Answers.failure(ctx, what, "answered " + Answers.describe(reply) + " without an Allow header (headers: "
                    + String.join(", ", reply.headers().keySet()) + ")", "an Allow header listing the route's methods");
        }
        return reply.headerValues("Allow").stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(m -> m.trim().toUpperCase(Locale.ROOT)).filter(m -> !m.isEmpty()).collect(Collectors.toSet());
    }
}
