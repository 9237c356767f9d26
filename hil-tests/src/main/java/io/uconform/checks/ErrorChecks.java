package io.uconform.checks;

import static io.uconform.checks.support.Requests.CRLF;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.uconform.checks.support.Answers;
import io.uconform.checks.support.Envelope;
import io.uconform.checks.support.Exchange;
import io.uconform.checks.support.Requests;
import io.uconform.checks.support.Waits;
import io.uconform.client.HttpReply;
import io.uconform.client.PeerEnd;
import io.uconform.client.RawConnection;
import io.uconform.suite.Check;
import io.uconform.suite.CheckContext;
import io.uconform.suite.LastConformanceChecks;
import io.uconform.suite.CountsConnections;
import io.uconform.suite.Needs;
import org.junit.jupiter.api.Order;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** ERR: malformed requests and clients that reset. */
@LastConformanceChecks
@Order(ChecksOrder.MALFORMED)
public class ErrorChecks {

    @Check("ERR-01")
    void garbageRequestLineIs400ThenClose(CheckContext ctx) {
        assertRejectedThenClosed(ctx, "GARBAGE" + CRLF + CRLF);
    }

    @Needs(routes = "index")
    @Check("ERR-01")
    void requestLineWithoutVersionIs400ThenClose(CheckContext ctx) {
        assertRejectedThenClosed(ctx, "GET " + ctx.route("index") + CRLF + "Host: " + Requests.host(ctx) + CRLF + CRLF);
    }

    @Needs(routes = "index")
    @Check("ERR-01")
    void doubleSpaceInRequestLineIs400ThenClose(CheckContext ctx) {
        assertRejectedThenClosed(ctx, "GET  " + ctx.route("index") + " HTTP/1.1" + CRLF + "Host: "
                + Requests.host(ctx) + CRLF + CRLF);
    }

    @Needs(routes = "index")
    @Check("ERR-01")
    void controlByteInTargetIs400ThenClose(CheckContext ctx) {
        assertRejectedThenClosed(ctx, Requests.get(ctx, ctx.route("index") + "a\u0001b"));
    }

    @Needs(routes = "index")
    @Check("ERR-01")
    void nonAsciiByteInTargetIs400ThenClose(CheckContext ctx) {
        byte[] request = (Requests.get(ctx, ctx.route("index") + "caf\u00e9")).getBytes(StandardCharsets.UTF_8);
        assertRejectedThenClosed(ctx, request);
    }

    @Needs(routes = "index")
    @Check("ERR-01")
    void nulByteInRequestLineIs400ThenClose(CheckContext ctx) {
        assertRejectedThenClosed(ctx, "GET " + ctx.route("index") + "\u0000 HTTP/1.1" + CRLF + "Host: "
                + Requests.host(ctx) + CRLF + CRLF);
    }

    @Needs(routes = "index")
    @Check("ERR-01")
    void malformedVersionTokenIs400ThenClose(CheckContext ctx) {
        assertRejectedThenClosed(ctx, "GET " + ctx.route("index") + " HTPT/1.1" + CRLF + "Host: "
                + Requests.host(ctx) + CRLF + CRLF);
    }

    @Needs(routes = "index")
    @Check("ERR-01")
    void tabsInRequestLineAre400ThenClose(CheckContext ctx) {
        assertRejectedThenClosed(ctx, "GET\t" + ctx.route("index") + "\tHTTP/1.1" + CRLF + "Host: "
                + Requests.host(ctx) + CRLF + CRLF);
    }

    @Needs(routes = "index")
    @Check("ERR-02")
    void http2VersionIs505(CheckContext ctx) {
        assertVersionRejected(ctx, "HTTP/2.0");
    }

    @Needs(routes = "index")
    @Check("ERR-02")
    void http3VersionIs505(CheckContext ctx) {
        assertVersionRejected(ctx, "HTTP/3.0");
    }

    @Needs(routes = "index")
    @Check("ERR-02")
    void unknownMajorVersionIs505(CheckContext ctx) {
        assertVersionRejected(ctx, "HTTP/9.9");
    }

    @Needs(routes = "index")
    @Check("ERR-03")
    void http11WithoutHostIs400(CheckContext ctx) {
        assertStatus(ctx, "GET " + ctx.route("index") + " HTTP/1.1" + CRLF + CRLF, 400);
    }

    @Needs(routes = "index")
    @Check("ERR-03")
    void duplicateHostIs400(CheckContext ctx) {
        assertStatus(ctx, Requests.get(ctx, ctx.route("index"), "Host: " + Requests.host(ctx)), 400);
    }

    @Needs(routes = "index")
    @Check("ERR-03")
    void conflictingHostsAre400(CheckContext ctx) {
        assertStatus(ctx, Requests.get(ctx, ctx.route("index"), "Host: other.example"), 400);
    }

    @Needs(routes = "json")
    @Check("ERR-03")
    void duplicateContentLengthIs400(CheckContext ctx) {
        assertStatus(ctx, Requests.head(ctx, "POST", ctx.route("json"), "Content-Type: application/json",
                "Content-Length: 2", "Content-Length: 2") + CRLF + "{}", 400);
    }

    @Needs(routes = "json")
    @Check("ERR-03")
    void conflictingContentLengthIs400(CheckContext ctx) {
        assertStatus(ctx, Requests.head(ctx, "POST", ctx.route("json"), "Content-Type: application/json",
                "Content-Length: 2", "Content-Length: 5") + CRLF + "{}", 400);
    }

    @Needs(routes = "data")
    @Check("ERR-03")
    void http10WithoutHostIsServed(CheckContext ctx) {
        assertStatus(ctx, "GET " + ctx.route("data") + " HTTP/1.0" + CRLF + CRLF, 200);
    }

    @Needs(routes = "json")
    @Check("ERR-04")
    void negativeContentLengthIs400(CheckContext ctx) {
        assertBadLength(ctx, "-1");
    }

    @Needs(routes = "json")
    @Check("ERR-04")
    void nonNumericContentLengthIs400(CheckContext ctx) {
        assertBadLength(ctx, "abc");
    }

    @Needs(routes = "json")
    @Check("ERR-04")
    void signedContentLengthIs400(CheckContext ctx) {
        assertBadLength(ctx, "+2");
    }

    @Needs(routes = "json")
    @Check("ERR-04")
    void hexContentLengthIs400(CheckContext ctx) {
        assertBadLength(ctx, "0x2");
    }

    @Needs(routes = "index")
    @Check("ERR-04")
    void headerWithoutColonIs400(CheckContext ctx) {
        assertStatus(ctx, Requests.get(ctx, ctx.route("index"), "X-No-Colon here"), 400);
    }

    @Needs(routes = "index")
    @Check("ERR-04")
    void obsoleteLineFoldingIs400(CheckContext ctx) {
        assertStatus(ctx, Requests.get(ctx, ctx.route("index"), "X-Folded: first", " continued"), 400);
    }

    @Needs(routes = "index")
    @Check("ERR-04")
    void obsoleteLineFoldingWithTabIs400(CheckContext ctx) {
        assertStatus(ctx, Requests.get(ctx, ctx.route("index"), "X-Folded: first", "\tcontinued"), 400);
    }

    @Needs(routes = "data")
    @CountsConnections  // slots held by clients an earlier check left could make the server evict the other client's idle connection
    @Check("ERR-05")
    void resetRightAfterConnectDoesNotDisturbOthers(CheckContext ctx) {
        assertOthersUndisturbed(ctx, victim -> { });
    }

    @Needs(routes = {"data", "index"})
    @CountsConnections  // slots held by clients an earlier check left could make the server evict the other client's idle connection
    @Check("ERR-05")
    void resetMidRequestLineDoesNotDisturbOthers(CheckContext ctx) {
        assertOthersUndisturbed(ctx, victim -> victim.send("GET " + ctx.route("index").charAt(0) + "ind"));
    }

    @Needs(routes = "data")
    @CountsConnections  // slots held by clients an earlier check left could make the server evict the other client's idle connection
    @Check("ERR-05")
    void resetMidHeadersDoesNotDisturbOthers(CheckContext ctx) {
        assertOthersUndisturbed(ctx, victim -> victim.send(Requests.head(ctx, "GET", ctx.route("data"), "X-Half: ye")));
    }

    @Needs(routes = {"data", "json"})
    @CountsConnections  // slots held by clients an earlier check left could make the server evict the other client's idle connection
    @Check("ERR-05")
    void resetMidBodyDoesNotDisturbOthers(CheckContext ctx) {
        assertOthersUndisturbed(ctx, victim -> victim.send(Requests.head(ctx, "POST", ctx.route("json"),
                "Content-Type: application/json", "Content-Length: 1000") + CRLF + "{\"partial\":"));
    }

    @Needs(routes = {"data", "json"}, limits = "maxBodyBytes")
    @CountsConnections  // slots held by clients an earlier check left could make the server evict the other client's idle connection
    @Check("ERR-05")
    void resetBeforeReadingALargeResponseDoesNotDisturbOthers(CheckContext ctx) {
        String blob = io.uconform.checks.support.Payloads.jsonBlob(5, Math.min((int) ctx.limit("maxBodyBytes"), 65536) - 64);
        assertOthersUndisturbed(ctx, victim -> victim.send(Requests.json(ctx, "POST", ctx.route("json"), blob)));
    }

    @Needs(routes = "data")
    @CountsConnections  // slots held by clients an earlier check left could make the server evict the other client's idle connection
    @Check("ERR-05")
    void twentyResetsInARowDoNotDisturbOthers(CheckContext ctx) {
        for (int i = 0; i < 20; i++) {
            RawConnection victim = ctx.raw().open();
            if (i % 2 == 1) {
                victim.send("GET ");
            }
            victim.close(true);
        }
        HttpReply reply = Exchange.once(ctx, Requests.get(ctx, ctx.route("data")));
        Answers.expectStatus(ctx, reply, String.format("GET %s from a new client after 20 resets", ctx.route("data")), 200);
    }

    @Needs(routes = "json")
    @Check("ERR-06")
    void invalidJsonIs400WithError(CheckContext ctx) {
        assertInvalidJson(ctx, "{bad");
    }

    @Needs(routes = "json")
    @Check("ERR-06")
    void truncatedJsonIs400WithError(CheckContext ctx) {
        assertInvalidJson(ctx, "{\"a\":");
    }

    @Needs(routes = "json")
    @Check("ERR-06")
    void trailingGarbageIs400WithError(CheckContext ctx) {
        assertInvalidJson(ctx, "{} x");
    }

    @Needs(routes = "json")
    @Check("ERR-06")
    void singleQuotedJsonIs400WithError(CheckContext ctx) {
        assertInvalidJson(ctx, "{'a':1}");
    }

    @Needs(routes = "missing")
    @Check("ERR-07")
    void notFoundUsesTheEnvelope(CheckContext ctx) {
        assertServerErrorEnvelope(ctx, Requests.get(ctx, ctx.route("missing")));
    }

    @Needs(routes = "index")
    @Check("ERR-07")
    void badRequestUsesTheEnvelope(CheckContext ctx) {
        assertServerErrorEnvelope(ctx, Requests.get(ctx, ctx.route("index"), "X-No-Colon here"));
    }

    @Needs(routes = "data")
    @Check("ERR-07")
    void methodNotAllowedUsesTheEnvelope(CheckContext ctx) {
        assertServerErrorEnvelope(ctx, Requests.head(ctx, "DELETE", ctx.route("data")) + CRLF);
    }

    @Needs(routes = "index")
    @Check("ERR-07")
    void notImplementedUsesTheEnvelope(CheckContext ctx) {
        assertServerErrorEnvelope(ctx, Requests.head(ctx, "BREW", ctx.route("index")) + CRLF);
    }

    @Needs(routes = "index")
    @Check("ERR-07")
    void versionNotSupportedUsesTheEnvelope(CheckContext ctx) {
        assertServerErrorEnvelope(ctx, "GET " + ctx.route("index") + " HTTP/2.0" + CRLF + "Host: "
                + Requests.host(ctx) + CRLF + CRLF);
    }

    @Check("ERR-07")
    void malformedRequestLineUsesTheEnvelope(CheckContext ctx) {
        assertServerErrorEnvelope(ctx, "GARBAGE" + CRLF + CRLF);
    }

    /** A keep-alive client is served before and after another connection is reset. */
    static void assertOthersUndisturbed(CheckContext ctx, java.util.function.Consumer<RawConnection> victimAction) {
        try (RawConnection other = ctx.raw().open()) {
            String request = Requests.get(ctx, ctx.route("data"));
            HttpReply first = Exchange.on(ctx, other, request);
            Answers.expectStatus(ctx, first, "other client before the reset", 200);
            // a server that closes after each response (KA-01's business) is judged on a second connection,
            // opened before the reset: the other client is connected while it happens either way
            // a body without Content-Length or chunked framing ends with the close (RFC 9112 6.3)
            boolean framed = first.header("Content-Length").isPresent() || first.header("Transfer-Encoding").isPresent();
            boolean persists = first.statusLine().startsWith("HTTP/1.1") && !KeepAliveChecks.hasCloseToken(first)
                    && framed;
            RawConnection next = persists ? other : ctx.raw().open();
            RawConnection victim = ctx.raw().open();
            victimAction.accept(victim);
            victim.close(true);
            Answers.expectStatus(ctx, Exchange.on(ctx, next, request), "GET " + ctx.route("data") + " from a client "
                    + "connected while another reset its connection", 200);
        }
        Answers.expectStatus(ctx, Exchange.once(ctx, Requests.get(ctx, ctx.route("data"))), "GET " + ctx.route("data")
                + " from a new client after another reset its connection", 200);
    }

    static void assertRejectedThenClosed(CheckContext ctx, String request) {
        assertRejectedThenClosed(ctx, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    static void assertRejectedThenClosed(CheckContext ctx, byte[] request) {
        try (RawConnection c = ctx.raw().open()) {
            String sent = Answers.line(new String(request, StandardCharsets.ISO_8859_1)) + " (malformed request line)";
            HttpReply reply = Answers.read(ctx, c.send(request), sent, "400 then a close");
            Answers.expectStatus(ctx, reply, sent, 400);
            PeerEnd end = c.awaitPeerEnd(Waits.close(ctx));
            if (!end.closed()) {
                throw Answers.failure(ctx, sent, "answered 400, then the server " + end.describe() + " for "
                        + Waits.close(ctx).toMillis() + " ms", "a close after the 400");
            }
        }
    }

    static void assertVersionRejected(CheckContext ctx, String version) {
        assertStatus(ctx, "GET " + ctx.route("index") + " " + version + CRLF + "Host: " + Requests.host(ctx)
                + CRLF + CRLF, 505);
    }

    static void assertBadLength(CheckContext ctx, String contentLength) {
        assertStatus(ctx, Requests.head(ctx, "POST", ctx.route("json"), "Content-Type: application/json",
                "Content-Length: " + contentLength) + CRLF + "{}", 400);
    }

    static void assertStatus(CheckContext ctx, String request, int expected) {
        String what = sent(request);
        HttpReply reply;
        try (RawConnection c = ctx.raw().open()) {
            reply = Answers.read(ctx, c.send(request), what, String.valueOf(expected));
        }
        Answers.expectStatus(ctx, reply, what + " (body: " + reply.text() + ")", expected);
    }

    /**
     * A request for messages: its line and the header lines that make it what it is ({@code GET /
     * HTTP/1.1 with Host: a; Host: b}); a single Host line and the JSON Content-Type are left out.
     */
    static String sent(String request) {
        int headEnd = request.indexOf(CRLF + CRLF);
        List<String> lines = List.of((headEnd < 0 ? request : request.substring(0, headEnd)).split(CRLF));
        List<String> hosts = lines.stream().skip(1).filter(l -> l.regionMatches(true, 0, "host:", 0, 5)).toList();
        List<String> notable = lines.stream().skip(1).filter(l -> !(hosts.size() == 1 && hosts.contains(l))
                && !l.equalsIgnoreCase("Content-Type: application/json")).toList();
        return Answers.line(request) + (notable.isEmpty() ? "" : " with " + String.join("; ", notable))
                + (hosts.isEmpty() ? " (no Host)" : "");
    }

    static void assertInvalidJson(CheckContext ctx, String body) {
        HttpReply reply = ctx.http().sendJson("POST", ctx.route("json"), body);
        Answers.expectStatus(ctx, reply, String.format("POST %s with %s (body: %s)", ctx.route("json"), body, reply.text()), 400);
        Envelope.error(reply);
    }

    /** ERR-07 judges only the envelope: a status that is not an error belongs to another requirement. */
    static void assertServerErrorEnvelope(CheckContext ctx, String request) {
        HttpReply reply = Exchange.once(ctx, request);
        assumeThat(reply.status()).as("the request drew an error status (got %d)", reply.status())
                .isGreaterThanOrEqualTo(400);
        Envelope.jsonContentType(reply);
        Envelope.error(reply);
    }
}
