package io.uconform.checks;

import static io.uconform.checks.support.Requests.CRLF;
import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.checks.support.Answers;
import io.uconform.checks.support.Exchange;
import io.uconform.checks.support.Payloads;
import io.uconform.checks.support.Requests;
import io.uconform.checks.support.Segments;
import io.uconform.checks.support.Waits;
import io.uconform.client.HttpReply;
import io.uconform.client.PeerEnd;
import io.uconform.client.RawConnection;
import io.uconform.suite.Check;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import io.uconform.suite.Needs;
import org.junit.jupiter.api.Order;
import java.util.List;
import java.util.regex.Pattern;

/** PROTO: HTTP/1.1 message framing. */
@ConformanceChecks
@Order(ChecksOrder.PROTOCOL)
public class ProtocolChecks {

    /** How long bytes after a HEAD response's head are awaited (a body sent in a second write). */
    private static final java.time.Duration HEAD_BODY_WINDOW = java.time.Duration.ofMillis(200);

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 [1-5][0-9]{2} [\\x21-\\x7e][\\x20-\\x7e]*");

    @Needs(routes = "index")
    @Check("PROTO-01")
    void statusLineOfSuccess(CheckContext ctx) {
        assertStatusLine(ctx, "GET " + ctx.route("index"), Exchange.once(ctx, Requests.get(ctx, ctx.route("index"))));
    }

    @Needs(routes = "missing")
    @Check("PROTO-01")
    void statusLineOfNotFound(CheckContext ctx) {
        assertStatusLine(ctx, "GET " + ctx.route("missing"), Exchange.once(ctx, Requests.get(ctx, ctx.route("missing"))));
    }

    @Needs(routes = "raise")
    @Check("PROTO-01")
    void statusLineOfHandlerError(CheckContext ctx) {
        assertStatusLine(ctx, "GET " + ctx.route("raise"), Exchange.once(ctx, Requests.get(ctx, ctx.route("raise"))));
    }

    @Needs(routes = "json")
    @Check("PROTO-01")
    void requestHeaderNamesAreCaseInsensitive(CheckContext ctx) {
        String json = "{\"case\":\"insensitive\"}";
        String request = "POST " + ctx.route("json") + " HTTP/1.1" + CRLF + "hOsT: " + Requests.host(ctx) + CRLF
                + "CONTENT-type: application/json" + CRLF + "content-LENGTH: " + json.length() + CRLF + CRLF + json;
        HttpReply reply = Exchange.once(ctx, request);
        String what = "POST " + ctx.route("json") + " " + json + " with the header names hOsT, CONTENT-type, content-LENGTH";
        Answers.expectStatus(ctx, reply, String.format("%s (body: %s)", what, reply.text()), 200);
        if (!reply.text().replace(" ", "").contains("\"case\":\"insensitive\"")) {
            throw Answers.failure(ctx, what, "answered " + Answers.describe(reply) + ": '" + reply.text() + "'",
                    "the body echoed, the header names read case-insensitively (RFC 9110 5.1)");
        }
    }

    @Needs(routes = "index")
    @Check("PROTO-02")
    void successDeclaresItsLength(CheckContext ctx) {
        assertFramed(ctx, "GET " + ctx.route("index"), Exchange.once(ctx, Requests.get(ctx, ctx.route("index"))));
    }

    @Needs(routes = "missing")
    @Check("PROTO-02")
    void notFoundDeclaresItsLength(CheckContext ctx) {
        assertFramed(ctx, "GET " + ctx.route("missing"), Exchange.once(ctx, Requests.get(ctx, ctx.route("missing"))));
    }

    @Needs(routes = "raise")
    @Check("PROTO-02")
    void handlerErrorDeclaresItsLength(CheckContext ctx) {
        assertFramed(ctx, "GET " + ctx.route("raise"), Exchange.once(ctx, Requests.get(ctx, ctx.route("raise"))));
    }

    @Needs(routes = "json")
    @Check("PROTO-02")
    void echoDeclaresItsLength(CheckContext ctx) {
        assertFramed(ctx, "POST " + ctx.route("json") + " {\"n\":[1,2,3]}", Exchange.once(ctx, Requests.json(ctx, "POST",
                ctx.route("json"), "{\"n\":[1,2,3]}")));
    }

    @Needs(routes = "index")
    @Check("PROTO-03")
    void headOfIndexHasGetHeadersAndNoBody(CheckContext ctx) {
        assertHeadMatchesGet(ctx, ctx.route("index"));
    }

    @Needs(routes = "data")
    @Check("PROTO-03")
    void headOfDataRouteHasGetHeadersAndNoBody(CheckContext ctx) {
        assertHeadMatchesGet(ctx, ctx.route("data"));
    }

    @Needs(routes = "missing")
    @Check("PROTO-03")
    void headOfMissingRouteHasGetHeadersAndNoBody(CheckContext ctx) {
        assertHeadMatchesGet(ctx, ctx.route("missing"));
    }

    @Needs(routes = "data")
    @Check("PROTO-04")
    void queryTakesNoPartInRouting(CheckContext ctx) {
        String data = ctx.route("data");
        HttpReply plain = Exchange.once(ctx, Requests.get(ctx, data));
        HttpReply withQuery = Exchange.once(ctx, Requests.get(ctx, data + "?x=1&y=%2F&z"));
        String what = "GET " + data + "?x=1&y=%2F&z";
        Answers.expectStatus(ctx, withQuery, what + " (without the query: " + plain.status() + ")", 200);
        if (!sameJsonOrText(withQuery, plain)) {
            throw Answers.failure(ctx, what, "answered '" + withQuery.text() + "' where GET " + data + " answered '"
                    + plain.text() + "'", "the same body: the query takes no part in routing");
        }
    }

    @Needs(routes = {"index", "missing"})
    @Check("PROTO-04")
    void queryWithSlashesDoesNotChangeTheRoute(CheckContext ctx) {
        HttpReply reply = Exchange.once(ctx, Requests.get(ctx, ctx.route("index") + "?next=" + ctx.route("missing")));
        Answers.expectStatus(ctx, reply, String.format("GET / with a path-like query (body: %s)", reply.text()), 200);
    }

    @Needs(routes = "data")
    @Check("PROTO-04")
    void pathIsPercentDecodedBeforeMatching(CheckContext ctx) {
        String data = ctx.route("data");
        HttpReply reply = Exchange.once(ctx, Requests.get(ctx, percentEncodeAll(data)));
        Answers.expectStatus(ctx, reply, String.format("GET %s written as %s (body: %s)", data, percentEncodeAll(data), reply.text()), 200);
    }

    @Needs(routes = "data")
    @Check("PROTO-04")
    void plusInPathIsNotDecoded(CheckContext ctx) {
        String data = ctx.route("data");
        HttpReply reply = Exchange.once(ctx, Requests.get(ctx, data + "+"));
        Answers.expectStatus(ctx, reply, String.format("GET %s+ must not match %s (body: %s)", data, data, reply.text()), 404);
    }

    @Needs(routes = "query")
    @Check("PROTO-05")
    void plusInQueryIsSpaceAndRepeatedKeysAreKept(CheckContext ctx) {
        String target = ctx.route("query") + "?a=x+y&b=1&b=2";
        HttpReply reply = ctx.http().get(target);
        Answers.expectStatus(ctx, reply, "GET " + target, 200);
        expectQuery(ctx, reply, "GET " + target, "{\"a\":[\"x y\"],\"b\":[\"1\",\"2\"]}",
                "'+' read as a space, both values of b kept");
    }

    @Needs(routes = "query")
    @Check("PROTO-05")
    void queryIsPercentDecoded(CheckContext ctx) {
        String target = ctx.route("query") + "?k%20ey=%C3%A9t%C3%A9%2B%26";
        HttpReply reply = Exchange.once(ctx, Requests.get(ctx, target));
        Answers.expectStatus(ctx, reply, "GET " + target, 200);
        expectQuery(ctx, reply, "GET " + target, "{\"k ey\":[\"\u00e9t\u00e9+&\"]}",
                "the name and the value percent-decoded as UTF-8");
    }

    /** The two bodies are equal as JSON (structurally) or, when either is not JSON, as text. */
    private static boolean sameJsonOrText(HttpReply a, HttpReply b) {
        try {
            return io.uconform.client.Json.parse(a.text()).equals(io.uconform.client.Json.parse(b.text()));
        } catch (AssertionError notJson) {
            return a.text().equals(b.text());
        }
    }

    /** Fails in one line unless the reply's body contains the blob's payload (the echo is {@code {"data": blob}}). */
    private static void expectEcho(CheckContext ctx, HttpReply reply, String what, String blob) {
        String payload = blob.substring(9, blob.length() - 2);
        String text = reply.text();
        boolean framed = reply.header("Content-Length").isPresent() || reply.header("Transfer-Encoding").isPresent();
        // a complete, framed answer shorter than the body sent is no large response: the request's
        // handling failed (other requirements judge that), so PROTO-07 has nothing to judge
        org.junit.jupiter.api.Assumptions.assumeFalse(framed && reply.body().length < blob.length(), () -> what
                + " came back as a complete " + reply.body().length + "-byte answer ('" + (text.length() > 60
                ? text.substring(0, 60) + "..." : text) + "'), not the echo: no large response to judge");
        if (!text.contains(payload)) {
            throw Answers.failure(ctx, what, "the echo came back as " + reply.body().length + " bytes ('"
                    + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "')", "the "
                    + blob.length() + "-byte body echoed whole");
        }
    }

    /** The query route answers {@code {"data": parsed}}; fails in one line unless parsed is {@code expected}. */
    private static void expectQuery(CheckContext ctx, HttpReply reply, String what, String expected, String why) {
        com.fasterxml.jackson.databind.JsonNode data;
        try {
            data = io.uconform.client.Json.parse(reply.text()).path("data");
        } catch (AssertionError notJson) {
            throw Answers.failure(ctx, what, "answered " + Answers.describe(reply) + ", not JSON: '"
                    + Answers.oneLine(reply.text()) + "'", "{\"data\": " + expected + "} (" + why + ")");
        }
        if (!data.equals(io.uconform.client.Json.parse(expected))) {
            throw Answers.failure(ctx, what, "the parsed query came back as " + data, expected + " (" + why + ")");
        }
    }

    @Needs(routes = "data")
    @Check("PROTO-06")
    void requestLineOneByteAtATime(CheckContext ctx) {
        String request = Requests.get(ctx, ctx.route("data"));
        int lineEnd = request.indexOf(CRLF) + 2;
        assertSameAsWhole(ctx, request, Segments.bytesOf(request, 0, lineEnd));
    }

    @Needs(routes = "data")
    @Check("PROTO-06")
    void headersOneByteAtATime(CheckContext ctx) {
        String request = Requests.get(ctx, ctx.route("data"), "Accept: application/json", "X-Check: proto-06");
        int lineEnd = request.indexOf(CRLF) + 2;
        assertSameAsWhole(ctx, request, Segments.bytesOf(request, lineEnd, request.length()));
    }

    @Needs(routes = "json")
    @Check("PROTO-06")
    void bodyOneByteAtATime(CheckContext ctx) {
        String request = Requests.json(ctx, "POST", ctx.route("json"), "{\"split\":[\"into\",\"bytes\"]}");
        int headEnd = request.indexOf(CRLF + CRLF) + 4;
        assertSameAsWhole(ctx, request, Segments.bytesOf(request, headEnd, request.length()));
    }

    @Needs(routes = "json")
    @Check("PROTO-06")
    void wholeRequestOneByteAtATime(CheckContext ctx) {
        String request = Requests.json(ctx, "POST", ctx.route("json"), "{\"all\":true}");
        assertSameAsWhole(ctx, request, Segments.bytesOf(request, 0, request.length()));
    }

    @Needs(routes = "data")
    @Check("PROTO-06")
    void crAndLfInSeparateSegments(CheckContext ctx) {
        String request = Requests.get(ctx, ctx.route("data"), "Accept: */*");
        assertSameAsWhole(ctx, request, Segments.splitAfterEachCr(request));
    }

    @Needs(routes = "index")
    @Check("PROTO-06")
    void segmentsPacedInTime(CheckContext ctx) {
        String request = Requests.get(ctx, ctx.route("index"));
        assertSameAsWhole(ctx, request, Segments.paced(request, 6));
    }

    @Needs(routes = "json", limits = "maxBodyBytes")
    @Check("PROTO-07")
    void largeEchoArrivesComplete(CheckContext ctx) {
        String blob = Payloads.jsonBlob(7, Math.min((int) ctx.limit("maxBodyBytes"), 256 * 1024) - 64);
        HttpReply reply = ctx.http().sendJson("POST", ctx.route("json"), blob);
        String what = "POST " + ctx.route("json") + " with a " + blob.length() + "-byte JSON body (HTTP client, lower-case "
                + "header names)";
        Answers.expectStatus(ctx, reply, what, 200);
        expectEcho(ctx, reply, what, blob);
    }

    @Needs(routes = "json", limits = "maxBodyBytes")
    @Check("PROTO-07")
    void largeEchoOverRawSocketMatchesContentLength(CheckContext ctx) {
        String blob = Payloads.jsonBlob(11, Math.min((int) ctx.limit("maxBodyBytes"), 256 * 1024) - 64);
        HttpReply reply = Exchange.once(ctx, Requests.json(ctx, "POST", ctx.route("json"), blob));
        String what = "POST " + ctx.route("json") + " with a " + blob.length() + "-byte JSON body (raw socket)";
        Answers.expectStatus(ctx, reply, what, 200);
        if (reply.header("Content-Length").isEmpty()) {
            throw Answers.failure(ctx, what, "answered " + Answers.describe(reply), "a Content-Length to match the body "
                    + "against");
        }
        // the reader takes exactly Content-Length bytes: a short body is a NoResponse, a long one shows in the echo
        expectEcho(ctx, reply, what, blob);
    }

    @Needs(routes = "json", limits = "maxBodyBytes")
    @Check("PROTO-07")
    void twoLargeResponsesOnOneConnectionArriveComplete(CheckContext ctx) {
        String first = Payloads.jsonBlob(13, Math.min((int) ctx.limit("maxBodyBytes"), 256 * 1024) - 64);
        String second = Payloads.jsonBlob(17, first.length());
        try (RawConnection c = ctx.raw().open()) {
            for (String blob : List.of(first, second)) {
                String what = "POST " + ctx.route("json") + " with a " + blob.length() + "-byte JSON body, "
                        + (blob == first ? "the first" : "the second") + " on one connection";
                HttpReply reply = Exchange.on(ctx, c, Requests.json(ctx, "POST", ctx.route("json"), blob));
                Answers.expectStatus(ctx, reply, what, 200);
                expectEcho(ctx, reply, what, blob);
                org.junit.jupiter.api.Assumptions.assumeTrue(reply.statusLine().startsWith("HTTP/1.1")
                        && !KeepAliveChecks.hasCloseToken(reply), "the server closes the connection after each "
                        + "response (KA-01 judges that): no second response on it to check");
            }
        }
    }

    /** The request sent in pieces gets the same status and JSON body as sent in one write. */
    /** Sends of a split request that came too slowly from this machine before the check gives up (skipped). */
    private static final int SPLIT_SEND_TRIES = 3;

    static void assertSameAsWhole(CheckContext ctx, String request, Segments.Plan plan) {
        String what = request.substring(0, request.indexOf(' ', request.indexOf(' ') + 1));
        HttpReply whole = Exchange.once(ctx, request);
        String tooSlow = "";
        for (int attempt = 1; attempt <= SPLIT_SEND_TRIES; attempt++) {
            long start = System.nanoTime();
            try (RawConnection c = ctx.raw().open()) {
                plan.sendOn(ctx, c, what, start);
                HttpReply split = c.readResponse(Waits.reply(ctx));
                java.util.Optional<java.time.Duration> late = Segments.pastHeaderTimeout(ctx, start);
                if (split.status() == 408 && whole.status() != 408 && late.isPresent()) {
                    // the header timeout ran out while this machine was still sending: the server was right
                    tooSlow = what + " sent as " + plan + ": sending took " + late.get().toMillis() + " ms, past the "
                            + "header timeout, and the server answered 408";
                    ctx.note("try " + attempt + ": " + tooSlow + "; sending again");
                    continue;
                }
                Answers.expectStatus(ctx, split, String.format("%s sent as %s: status (sent in one write: %d)", what, plan, whole.status()), whole.status());
                if (!split.json().equals(whole.json())) {
                    throw new AssertionError(what + " sent as " + plan + ": answered the body '" + Answers.oneLine(split.text()) + "'"
                            + "; expected the same body as sent in one write, '" + Answers.oneLine(whole.text()) + "' ("
                            + ctx.requirement() + ")");
                }
                return;
            } catch (Segments.SentTooSlowly e) {
                tooSlow = e.getMessage();
                ctx.note("try " + attempt + ": " + tooSlow + "; sending again");
            }
        }
        org.junit.jupiter.api.Assumptions.abort("this machine could not send the split request within the server's "
                + "header timeout in " + SPLIT_SEND_TRIES + " tries (last: " + tooSlow + "); not a verdict on the server");
    }

    static void assertStatusLine(CheckContext ctx, String sent, HttpReply reply) {
        if (!STATUS_LINE.matcher(reply.statusLine()).matches()) {
            throw new AssertionError(sent + ": the status line was '" + reply.statusLine() + "'; expected 'HTTP/1.1 "
                    + "<3-digit status> <reason>' (" + ctx.requirement() + ")");
        }
    }

    static void assertFramed(CheckContext ctx, String sent, HttpReply reply) {
        boolean length = reply.header("Content-Length").isPresent();
        boolean chunked = reply.headerValues("Transfer-Encoding").stream()
                .anyMatch(v -> v.toLowerCase(java.util.Locale.ROOT).contains("chunked"));
        String answered = sent + ": answered " + Answers.describe(reply);
        if (length && chunked) {
            throw new AssertionError(answered + " with both Content-Length and chunked; expected one of them ("
                    + ctx.requirement() + ")");
        }
        if (!length && !chunked) {
            throw new AssertionError(answered + "; expected Content-Length or chunked framing, so the client knows "
                    + "where the body ends without a close (" + ctx.requirement() + ")");
        }
        reply.header("Content-Length").ifPresent(cl -> {
            if (reply.body().length != Integer.parseInt(cl.trim())) {
                throw new AssertionError(answered + ": " + reply.body().length + " body bytes; expected as many as "
                        + "Content-Length says (" + ctx.requirement() + ")");
            }
        });
    }

    /**
     * HEAD then GET on one connection: a HEAD response has the GET headers and no body, so nothing
     * may follow its head before the next request, and the GET's response must parse after it.
     */
    static void assertHeadMatchesGet(CheckContext ctx, String path) {
        HttpReply get = Exchange.once(ctx, Requests.get(ctx, path));
        String what = "HEAD " + path;
        try (RawConnection c = ctx.raw().open()) {
            HttpReply head = Answers.read(ctx, c.send(Requests.head(ctx, "HEAD", path) + CRLF), what,
                    "the GET headers and no body", true);
            PeerEnd after = c.awaitPeerEnd(HEAD_BODY_WINDOW);
            if (after.received().length > 0) {
                throw new AssertionError(what + ": the response carried a " + after.received().length + "-byte body"
                        + " ('" + after.firstLine() + "'); a HEAD response has none (" + ctx.requirement() + ")");
            }
            Answers.expectStatus(ctx, head, String.format("%s: status vs GET %s", what, path), get.status());
            for (String name : List.of("Content-Type", "Content-Length")) {
                if (!head.header(name).equals(get.header(name))) {
                    throw Answers.failure(ctx, what, "answered " + Answers.header(head, name) + " where GET " + path
                            + " answered " + Answers.header(get, name), "the GET's headers");
                }
            }
            if (after.closed()) {
                ctx.note("the server closed the connection after the HEAD response (no body came before the close)");
                return;
            }
            HttpReply next = Answers.read(ctx, c.send(Requests.get(ctx, path, "Connection: close")),
                    "GET " + path + " after " + what, "a response right after the HEAD's (a HEAD body would precede it)");
            Answers.expectStatus(ctx, next, "status of the GET after HEAD", get.status());
        }
    }

    static String percentEncodeAll(String path) {
        StringBuilder sb = new StringBuilder();
        for (char ch : path.toCharArray()) {
            sb.append(ch == '/' ? "/" : String.format("%%%02X", (int) ch));
        }
        return sb.toString();
    }
}
