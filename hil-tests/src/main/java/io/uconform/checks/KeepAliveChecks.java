package io.uconform.checks;

import static io.uconform.checks.support.Requests.CRLF;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.uconform.checks.support.Answers;
import io.uconform.checks.support.Exchange;
import io.uconform.checks.support.Requests;
import io.uconform.checks.support.Waits;
import io.uconform.client.HttpReply;
import io.uconform.client.PeerEnd;
import io.uconform.client.RawConnection;
import io.uconform.suite.Check;
import io.uconform.suite.RunsAlone;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import io.uconform.suite.Needs;
import org.junit.jupiter.api.Order;
import java.util.List;
import java.util.Locale;

/** KA: persistent connections, closing, request caps, idle timeout and pipelining. */
@ConformanceChecks
@Order(ChecksOrder.CONNECTIONS)
public class KeepAliveChecks {

    /** Above this cap the KA-03 checks would send too many requests for a fast suite. */
    private static final int MAX_REQUESTS_CHECKED = 1000;

    @Needs(routes = {"data", "index"})
    @Check("KA-01")
    void secondRequestOnOneConnectionIsAnswered(CheckContext ctx) {
        try (RawConnection c = ctx.raw().open()) {
            Answers.expectStatus(ctx, Exchange.on(ctx, c, Requests.get(ctx, ctx.route("index"))),
                    "GET " + ctx.route("index") + ", the first request on a connection", 200);
            String second = "GET " + ctx.route("data") + ", the second request on the same connection";
            Answers.expectStatus(ctx, next(ctx, c, Requests.get(ctx, ctx.route("data")), second), second, 200);
        }
    }

    @Needs(routes = "data")
    @Check("KA-01")
    void fiveRequestsOnOneConnectionAreAnswered(CheckContext ctx) {
        try (RawConnection c = ctx.raw().open()) {
            for (int i = 1; i <= 5; i++) {
                String what = "GET " + ctx.route("data") + ", request #" + i + " of 5 on one connection";
                HttpReply reply = i == 1 ? Exchange.on(ctx, c, Requests.get(ctx, ctx.route("data")))
                        : next(ctx, c, Requests.get(ctx, ctx.route("data")), what);
                Answers.expectStatus(ctx, reply, what, 200);
                if (hasCloseToken(reply)) {
                    throw new AssertionError(what + ": answered " + Answers.describe(reply) + " with Connection: "
                            + reply.header("Connection").orElse("") + "; expected the connection kept open for the next"
                            + " request (" + ctx.requirement() + ")");
                }
            }
        }
    }

    @Needs(routes = {"index", "missing"})
    @Check("KA-01")
    void connectionSurvivesAnErrorStatus(CheckContext ctx) {
        try (RawConnection c = ctx.raw().open()) {
            Answers.expectStatus(ctx, Exchange.on(ctx, c, Requests.get(ctx, ctx.route("missing"))), "GET "
                    + ctx.route("missing") + ", the first request on a connection", 404);
            String second = "GET " + ctx.route("index") + " after a 404 on the same connection";
            Answers.expectStatus(ctx, next(ctx, c, Requests.get(ctx, ctx.route("index")), second), second, 200);
        }
    }

    @Needs(routes = "json")
    @Check("KA-01")
    void connectionSurvivesARequestWithABody(CheckContext ctx) {
        try (RawConnection c = ctx.raw().open()) {
            HttpReply echo = Exchange.on(ctx, c, Requests.json(ctx, "POST", ctx.route("json"), "{\"k\":\"a\"}"));
            Answers.expectStatus(ctx, echo, "POST " + ctx.route("json") + " {\"k\":\"a\"}, the first request on a connection",
                    200);
            String second = "POST " + ctx.route("json") + " {\"k\":\"b\"}, the second request on the same connection";
            HttpReply next = next(ctx, c, Requests.json(ctx, "POST", ctx.route("json"), "{\"k\":\"b\"}"), second);
            Answers.expectStatus(ctx, next, second, 200);
            if (!next.text().replace(" ", "").contains("\"k\":\"b\"")) {
                throw Answers.failure(ctx, second, "answered " + Answers.describe(next) + ": '" + next.text() + "'",
                        "the echo of {\"k\":\"b\"}");
            }
        }
    }

    @Needs(routes = "index")
    @Check("KA-02")
    void connectionCloseRequestClosesAfterResponse(CheckContext ctx) {
        assertClosedAfterResponse(ctx, Requests.get(ctx, ctx.route("index"), "Connection: close"));
    }

    @Needs(routes = "index")
    @Check("KA-02")
    void connectionCloseTokenIsCaseInsensitive(CheckContext ctx) {
        assertClosedAfterResponse(ctx, Requests.get(ctx, ctx.route("index"), "connection: CLOSE"));
    }

    @Needs(routes = "index")
    @Check("KA-02")
    void http10ClosesByDefault(CheckContext ctx) {
        assertClosedAfterResponse(ctx, "GET " + ctx.route("index") + " HTTP/1.0" + CRLF + "Host: "
                + Requests.host(ctx) + CRLF + CRLF);
    }

    @Needs(routes = "data")
    @Check("KA-02")
    void http10KeepAliveStaysOpen(CheckContext ctx) {
        String request = "GET " + ctx.route("data") + " HTTP/1.0" + CRLF + "Host: " + Requests.host(ctx) + CRLF
                + "Connection: keep-alive" + CRLF + CRLF;
        try (RawConnection c = ctx.raw().open()) {
            Answers.expectStatus(ctx, Exchange.on(ctx, c, request), Answers.line(request) + " (Connection: keep-alive)",
                    200);
            String second = Answers.line(request) + " (Connection: keep-alive), the second request on the connection";
            Answers.expectStatus(ctx, next(ctx, c, request, second), second, 200);
        }
    }

    @Needs(routes = "json")
    @Check("KA-02")
    void closeOnPostClosesAfterResponse(CheckContext ctx) {
        assertClosedAfterResponse(ctx, Requests.json(ctx, "POST", ctx.route("json"), "{}", "Connection: close"));
    }

    @Needs(routes = "index")
    @Check("KA-02")
    void closeAmongSeveralConnectionTokensCloses(CheckContext ctx) {
        assertClosedAfterResponse(ctx, Requests.get(ctx, ctx.route("index"), "Connection: te, close"));
    }

    /** RFC 9112 9.3: with the close option present the connection does not persist, whatever else is listed. */
    @Needs(routes = "index")
    @Check("KA-02")
    void keepAliveBesideCloseStillCloses(CheckContext ctx) {
        assertClosedAfterResponse(ctx, Requests.get(ctx, ctx.route("index"), "Connection: keep-alive, close"));
    }

    @Needs(routes = "index")
    @Check("KA-02")
    void http10CloseBesideKeepAliveCloses(CheckContext ctx) {
        assertClosedAfterResponse(ctx, "GET " + ctx.route("index") + " HTTP/1.0" + CRLF + "Host: " + Requests.host(ctx)
                + CRLF + "Connection: Keep-Alive, close" + CRLF + CRLF);
    }

    @Needs(routes = "data")
    @Check("KA-02")
    void http10KeepAliveInAListStaysOpen(CheckContext ctx) {
        String request = "GET " + ctx.route("data") + " HTTP/1.0" + CRLF + "Host: " + Requests.host(ctx) + CRLF
                + "Connection: x-custom, Keep-Alive" + CRLF + CRLF;
        try (RawConnection c = ctx.raw().open()) {
            String what = Answers.line(request) + " (Connection: x-custom, Keep-Alive)";
            Answers.expectStatus(ctx, Exchange.on(ctx, c, request), what, 200);
            String second = what + ", the second request on the connection";
            Answers.expectStatus(ctx, next(ctx, c, request, second), second, 200);
        }
    }

    @Needs(routes = "data", limits = "maxRequestsPerConnection")
    @Check("KA-03")
    void lastAllowedRequestCarriesCloseAndCloses(CheckContext ctx) {
        int max = cappedRequests(ctx);
        try (RawConnection c = ctx.raw().open()) {
            for (int i = 1; i <= max; i++) {
                String what = "GET " + ctx.route("data") + ", request #" + i + " of at most " + max + " on one connection";
                expectCapMarked(ctx, i == 1 ? Exchange.on(ctx, c, Requests.get(ctx, ctx.route("data")))
                        : next(ctx, c, Requests.get(ctx, ctx.route("data")), what), what, i == max);
            }
            expectClosedAfterCap(ctx, c, max);
        }
    }

    @Needs(routes = "json", limits = "maxRequestsPerConnection")
    @Check("KA-03")
    void requestsWithBodiesCountTowardsTheCap(CheckContext ctx) {
        int max = cappedRequests(ctx);
        try (RawConnection c = ctx.raw().open()) {
            for (int i = 1; i <= max; i++) {
                String request = Requests.json(ctx, "POST", ctx.route("json"), "{\"i\":" + i + "}");
                String what = "POST " + ctx.route("json") + ", request #" + i + " of at most " + max + " on one connection";
                expectCapMarked(ctx, i == 1 ? Exchange.on(ctx, c, request) : next(ctx, c, request, what), what, i == max);
            }
            expectClosedAfterCap(ctx, c, max);
        }
    }

    @Needs(routes = "index", limits = "keepAliveIdleMs")
    @Check("KA-04")
    @RunsAlone
    void idleConnectionIsClosedAfterTheIdleTimeout(CheckContext ctx) {
        try (RawConnection c = ctx.raw().open()) {
            Answers.expectStatus(ctx, Exchange.on(ctx, c, Requests.get(ctx, ctx.route("index"))), "GET "
                    + ctx.route("index"), 200);
            long start = System.nanoTime();
            if (!c.closedByPeerWithin(Waits.afterIdleTimeout(ctx))) {
                throw Answers.failure(ctx, "GET " + ctx.route("index") + ", then the connection left idle",
                        "still open after " + Waits.afterIdleTimeout(ctx).toMillis() + " ms", "the server to close it "
                        + "after its idle timeout of " + ctx.limit("keepAliveIdleMs") + " ms");
            }
            ctx.note("idle connection closed after " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }

    @Needs(routes = {"data", "index", "missing"})
    @Check("KA-05")
    void pipelinedRequestsAreAnsweredInOrder(CheckContext ctx) {
        List<String> targets = List.of(ctx.route("index"), ctx.route("missing"), ctx.route("data"));
        StringBuilder batch = new StringBuilder();
        targets.forEach(t -> batch.append(Requests.get(ctx, t)));
        try (RawConnection c = ctx.raw().open()) {
            c.send(batch.toString());
            String sent = "GET " + String.join(", GET ", targets) + " pipelined in one write";
            expectNext(ctx, c, sent, 1, 200);
            expectNext(ctx, c, sent, 2, 404);
            expectNext(ctx, c, sent, 3, 200);
        }
    }

    @Needs(routes = "json")
    @Check("KA-05")
    void pipelinedEchoesKeepTheirOrder(CheckContext ctx) {
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            batch.append(Requests.json(ctx, "POST", ctx.route("json"), "{\"seq\":" + i + "}"));
        }
        try (RawConnection c = ctx.raw().open()) {
            c.send(batch.toString());
            for (int i = 0; i < 10; i++) {
                String what = "10 pipelined POST " + ctx.route("json") + " {\"seq\":n} in one write, response #" + (i + 1);
                HttpReply reply = io.uconform.checks.support.Answers.read(ctx, c, what, "the echo of {\"seq\":" + i + "}");
                int seq = reply.status() == 200 ? reply.json().path("data").path("seq").asInt(-1) : -1;
                if (seq != i) {
                    throw new AssertionError(what + ": answered " + io.uconform.checks.support.Answers.describe(reply)
                            + " (" + reply.text().substring(0, Math.min(80, reply.text().length())) + "); expected the echo"
                            + " of {\"seq\":" + i + "}, answers in request order (" + ctx.requirement() + ")");
                }
            }
        }
    }

    @Needs(routes = {"data", "index", "missing"})
    @Check("KA-05")
    void pipelinedBatchEndingWithCloseIsAnsweredThenClosed(CheckContext ctx) {
        String batch = Requests.get(ctx, ctx.route("data")) + Requests.get(ctx, ctx.route("missing"))
                + Requests.get(ctx, ctx.route("index"), "Connection: close");
        try (RawConnection c = ctx.raw().open()) {
            c.send(batch);
            String sent = "GET " + ctx.route("data") + ", GET " + ctx.route("missing") + ", GET " + ctx.route("index")
                    + " with Connection: close, pipelined in one write";
            expectNext(ctx, c, sent, 1, 200);
            expectNext(ctx, c, sent, 2, 404);
            expectNext(ctx, c, sent, 3, 200);
        }
    }

    @Needs(routes = {"data", "missing"})
    @Check("KA-05")
    void requestsSplitAcrossPipelinedWritesAreAnsweredInOrder(CheckContext ctx) {
        String batch = Requests.get(ctx, ctx.route("missing")) + Requests.get(ctx, ctx.route("data"));
        int cut = batch.length() - 7;
        try (RawConnection c = ctx.raw().open()) {
            String sent = "GET " + ctx.route("missing") + ", GET " + ctx.route("data") + " pipelined, the second's last 7"
                    + " bytes in a later write";
            c.send(batch.substring(0, cut));
            expectNext(ctx, c, sent, 1, 404);
            try {
                c.send(batch.substring(cut));
            } catch (AssertionError refused) {
                throw new AssertionError(sent + ": the server closed the connection after answer #1, so the last 7 "
                        + "bytes of request #2 could not be sent (" + refused.getMessage() + "); expected the connection "
                        + "kept open and request #2 answered 200 (" + ctx.requirement() + ")", refused);
            }
            expectNext(ctx, c, sent, 2, 200);
        }
    }

    static void assertClosedAfterResponse(CheckContext ctx, String request) {
        String what = request.substring(0, request.indexOf('\r')) + " with "
                + request.lines().filter(l -> l.regionMatches(true, 0, "connection:", 0, 11)).findFirst()
                .orElse("no Connection header");
        try (RawConnection c = ctx.raw().open()) {
            HttpReply reply = Exchange.on(ctx, c, request);
            Answers.expectStatusBetween(ctx, reply, what, 100, 499);
            PeerEnd end = c.awaitPeerEnd(Waits.close(ctx));
            if (!end.closed()) {
                throw new AssertionError(what + ": answered " + reply.status() + (hasCloseToken(reply)
                        ? " with Connection: close" : "") + ", then the connection " + (end.received().length > 0
                        ? "carried " + end.received().length + " more bytes" : "stayed open for " + Waits.close(ctx)
                        .toMillis() + " ms") + "; expected the server to close it after the response ("
                        + ctx.requirement() + ")");
            }
        }
    }

    /** Fails unless the response carries {@code Connection: close} exactly when it is the last one allowed. */
    private static void expectCapMarked(CheckContext ctx, HttpReply reply, String what, boolean last) {
        if (hasCloseToken(reply) != last) {
            throw Answers.failure(ctx, what, "answered " + Answers.describe(reply) + " with "
                    + Answers.header(reply, "Connection"), last ? "Connection: close on the last request allowed"
                    : "no Connection: close before the cap");
        }
    }

    private static void expectClosedAfterCap(CheckContext ctx, RawConnection c, int max) {
        PeerEnd end = c.awaitPeerEnd(Waits.close(ctx));
        if (!end.closed()) {
            throw Answers.failure(ctx, "request #" + max + " of at most " + max + " on one connection, answered with "
                    + "Connection: close", "then the server " + end.describe() + " for " + Waits.close(ctx).toMillis()
                    + " ms", "the server to close the connection");
        }
    }

    /**
     * The answer to a later request on a connection that must persist; when none comes (the server
     * closed after the previous answer), fails in one line saying so.
     */
    private static HttpReply next(CheckContext ctx, RawConnection c, String request, String what) {
        return Answers.read(ctx, c.send(request), what, "an answer on the same connection (it persists after the "
                + "previous response, RFC 9112 9.3)");
    }

    /** The {@code close} option among the Connection header's comma-separated, case-insensitive tokens (RFC 9110 7.6.1). */
    static boolean hasCloseToken(HttpReply reply) {
        return reply.headerValues("Connection").stream().flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .anyMatch(token -> token.trim().toLowerCase(Locale.ROOT).equals("close"));
    }

    static int cappedRequests(CheckContext ctx) {
        int max = (int) ctx.limit("maxRequestsPerConnection");
        assumeThat(max).as("requests per connection cap (%d) small enough to exhaust", max)
                .isLessThanOrEqualTo(MAX_REQUESTS_CHECKED);
        return max;
    }

    /** Reads the {@code n}th answer of a pipeline and fails in one line unless it has {@code status}. */
    private static void expectNext(CheckContext ctx, RawConnection c, String sent, int n, int status) {
        String what = sent + ", answer #" + n;
        HttpReply reply = Answers.read(ctx, c, what, status + " for request #" + n + ", answers in request order");
        Answers.expectStatus(ctx, reply, what, status);
    }
}
