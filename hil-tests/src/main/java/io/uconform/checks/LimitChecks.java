package io.uconform.checks;

import static io.uconform.checks.support.Requests.CRLF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.uconform.checks.support.Answers;
import io.uconform.checks.support.Exchange;
import io.uconform.checks.support.Payloads;
import io.uconform.checks.support.Replies;
import io.uconform.checks.support.Requests;
import io.uconform.checks.support.SlowClients;
import io.uconform.checks.support.Waits;
import io.uconform.checks.support.WsFrame;
import io.uconform.checks.support.WsSession;
import io.uconform.client.HttpReply;
import io.uconform.client.PeerEnd;
import io.uconform.client.RawConnection;
import io.uconform.suite.Check;
import io.uconform.suite.CountsConnections;
import io.uconform.suite.RunsAlone;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import io.uconform.suite.Needs;
import org.junit.jupiter.api.Order;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** LIM: resource limits, sized by the profile's (or the harness-configured) limits. */
@ConformanceChecks
@Order(ChecksOrder.LIMITS)
public class LimitChecks {

    /** How much slower than alone a client may be served beside a slow or silent one. */
    private static final Duration SLOW_CLIENT_SLACK = Duration.ofMillis(1000);

    @Needs(routes = "index", limits = "maxHeaderBytes")
    @Check("LIM-01")
    void oneOversizedHeaderIs431ThenClose(CheckContext ctx) {
        String big = "X-Big: " + "a".repeat((int) ctx.limit("maxHeaderBytes") + 64);
        assertStatusThenClose(ctx, Requests.get(ctx, ctx.route("index"), big), 431);
    }

    @Needs(routes = "index", limits = "maxHeaderBytes")
    @Check("LIM-01")
    void manySmallHeadersOverTheLimitAre431ThenClose(CheckContext ctx) {
        int count = (int) ctx.limit("maxHeaderBytes") / 40 + 2;
        String[] headers = new String[count];
        for (int i = 0; i < count; i++) {
            headers[i] = String.format("X-Header-%04d: %s", i, "v".repeat(24));
        }
        assertStatusThenClose(ctx, Requests.get(ctx, ctx.route("index"), headers), 431);
    }

    @Needs(routes = "data", limits = "maxHeaderBytes")
    @Check("LIM-01")
    void headerBlockWithinTheLimitIsServed(CheckContext ctx) {
        String half = "X-Half: " + "h".repeat((int) ctx.limit("maxHeaderBytes") / 2);
        HttpReply reply = Exchange.once(ctx, Requests.get(ctx, ctx.route("data"), half));
        Answers.expectStatus(ctx, reply, String.format("a head of about half the %d-byte limit", (int) ctx.limit("maxHeaderBytes")), 200);
    }

    @Needs(limits = "maxTargetBytes")
    @Check("LIM-02")
    void overlongPathIs414(CheckContext ctx) {
        String target = "/" + "p".repeat((int) ctx.limit("maxTargetBytes") + 16);
        Answers.expectStatus(ctx, Exchange.once(ctx, Requests.get(ctx, target)), "GET with a " + target.length()
                + "-byte path (limit " + ctx.limit("maxTargetBytes") + ")", 414);
    }

    @Needs(routes = "index", limits = "maxTargetBytes")
    @Check("LIM-02")
    void overlongQueryIs414(CheckContext ctx) {
        String target = ctx.route("index") + "?q=" + "q".repeat((int) ctx.limit("maxTargetBytes") + 16);
        Answers.expectStatus(ctx, Exchange.once(ctx, Requests.get(ctx, target)), "GET " + ctx.route("index")
                + " with a " + target.length() + "-byte target, most of it query (limit " + ctx.limit("maxTargetBytes")
                + ")", 414);
    }

    @Needs(routes = "missing", limits = "maxTargetBytes")
    @Check("LIM-02")
    void targetWithinTheLimitIsNot414(CheckContext ctx) {
        String target = ctx.route("missing") + "/" + "w".repeat((int) ctx.limit("maxTargetBytes") / 2);
        Answers.expectStatus(ctx, Exchange.once(ctx, Requests.get(ctx, target)), "GET " + ctx.route("missing")
                + "/w... with a " + target.length() + "-byte target, within the limit of " + ctx.limit("maxTargetBytes"),
                404);
    }

    @Needs(routes = "json", limits = "maxBodyBytes")
    @Check("LIM-03")
    void bodyOverTheLimitIs413ThenClose(CheckContext ctx) {
        int length = (int) ctx.limit("maxBodyBytes") + 1;
        String head = Requests.head(ctx, "POST", ctx.route("json"), "Content-Type: application/json",
                "Content-Length: " + length) + CRLF;
        assertStatusThenClose(ctx, head + "{\"blob\":\"" + "b".repeat(1024), 413);
    }

    @Needs(routes = {"json", "raise"}, limits = "maxBodyBytes")
    @Check("LIM-03")
    void unreadBodyIsNotParsedAsRequests(CheckContext ctx) {
        String smuggled = Requests.get(ctx, ctx.route("raise"));
        int length = (int) ctx.limit("maxBodyBytes") + 1;
        String head = Requests.head(ctx, "POST", ctx.route("json"), "Content-Type: application/json",
                "Content-Length: " + length) + CRLF;
        try (RawConnection c = ctx.raw().open()) {
            HttpReply reply = c.send(head + smuggled.repeat(8)).readResponse(Waits.reply(ctx));
            Answers.expectStatus(ctx, reply, "status of an oversized body", 413);
            Optional<HttpReply> next = Replies.within(c, Waits.prompt());
            if (next.isPresent()) {
                throw Answers.failure(ctx, "an oversized body carrying 8 requests", "after the 413 the server answered "
                        + Answers.describe(next.get()) + ", a request smuggled in the unread body", "the body never "
                        + "parsed as requests, the connection closed after the 413");
            }
            if (!c.closedByPeerWithin(Waits.close(ctx))) {
                throw Answers.failure(ctx, "an oversized body carrying 8 requests", "after the 413 the connection "
                        + "stayed open for " + Waits.close(ctx).toMillis() + " ms", "a close after the 413");
            }
        }
    }

    @Needs(routes = "json", limits = "maxBodyBytes")
    @Check("LIM-03")
    void chunkedBodyOverTheLimitIs413(CheckContext ctx) {
        int size = (int) ctx.limit("maxBodyBytes") + 1;
        String head = Requests.head(ctx, "POST", ctx.route("json"), "Content-Type: application/json",
                "Transfer-Encoding: chunked") + CRLF;
        try (RawConnection c = ctx.raw().open()) {
            HttpReply reply = c.send(head + Integer.toHexString(size) + CRLF + "c".repeat(2048))
                    .readResponse(Waits.reply(ctx));
            // RFC 9112 6.1: a server that does not understand a transfer coding SHOULD answer 501; it has
            // then read none of the body, which is all LIM-03 asks (decoding chunked is CHUNK-01's business)
            Answers.expectStatus(ctx, reply, String.format("POST %s with a chunked body of %d bytes (over the %d-byte limit): status "
                    + "(413, or 501 for a transfer coding it does not implement; body: %s)", ctx.route("json"), size,
                    size - 1, reply.text()), 413, 501);
            if (reply.status() == 501) {
                ctx.note("501: the server does not implement the chunked transfer coding (RFC 9112 6.1); CHUNK-01 "
                        + "judges that, RFC 9112 7.1 requires it of HTTP/1.1 recipients");
            }
            PeerEnd end = c.awaitPeerEnd(Waits.close(ctx));
            if (!end.closed()) {
                throw Answers.failure(ctx, "a chunked body over the limit", "answered " + reply.status()
                        + ", then the server " + end.describe() + " for " + Waits.close(ctx).toMillis() + " ms",
                        "a close after the " + reply.status() + " (the unread body must never be parsed as a next request)");
            }
        }
    }

    @Needs(routes = "json", limits = "maxBodyBytes")
    @Check("LIM-03")
    void bodyAtTheLimitIsServed(CheckContext ctx) {
        String blob = Payloads.jsonBlob(3, (int) ctx.limit("maxBodyBytes"));
        HttpReply reply = Exchange.once(ctx, Requests.json(ctx, "POST", ctx.route("json"), blob));
        Answers.expectStatus(ctx, reply, String.format("a body of exactly %d bytes (the limit)", blob.length()), 200);
    }

    @Needs(routes = "index", limits = "headerTimeoutMs")
    @Check("LIM-04")
    @RunsAlone
    void incompleteRequestLineIsDroppedAfterHeaderTimeout(CheckContext ctx) {
        try (RawConnection c = ctx.raw().open()) {
            String partial = "GET " + ctx.route("index");
            c.send(partial);
            assertDroppedInTime(ctx, c, System.nanoTime(), "'" + partial + "' (no version, no line end)");
        }
    }

    @Needs(routes = "index", limits = "headerTimeoutMs")
    @Check("LIM-04")
    @RunsAlone
    void tricklingHeadersAreDroppedAfterHeaderTimeout(CheckContext ctx) {
        try (RawConnection c = ctx.raw().open()) {
            long start = System.nanoTime();
            c.send(Requests.head(ctx, "GET", ctx.route("index")) + "X-Slow: ");
            Duration limit = Waits.afterHeaderTimeout(ctx);
            PeerEnd end = new PeerEnd(new byte[0], false, false);
            while (!end.closed() && end.received().length == 0 && System.nanoTime() - start < limit.toNanos()) {
                c.send("s");
                end = c.awaitPeerEnd(Duration.ofMillis(100));
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            String what = "GET " + ctx.route("index") + " with a header trickled 1 byte per 100 ms";
            assertNoAnswerButTimeout(ctx, end, what, ms);
            if (!end.closed() && end.received().length > 0) {
                // the 408 came; the close follows it
                end = new PeerEnd(end.received(), c.awaitPeerEnd(Waits.close(ctx)).closed(), false);
            }
            assertClosed(ctx, end, what, ms, limit);
            ctx.note("trickling client dropped after " + ms + " ms");
        }
    }

    @Needs(routes = "index")
    @Check("LIM-04")
    @RunsAlone
    void otherClientsAreServedDuringASlowHead(CheckContext ctx) {
        assertOthersServedBeside(ctx, "a head left incomplete (no blank line)",
                slow -> slow.send(Requests.head(ctx, "GET", ctx.route("index")) + "X-Slow: 1"));
    }

    /**
     * A client that connects and sends nothing must not block the others (a server that reads one
     * connection at a time waits on it): a second client is served about as fast as without it.
     */
    @Needs(routes = "index")
    @Check("LIM-04")
    void otherClientsAreServedWhileOneSendsNothing(CheckContext ctx) {
        assertOthersServedBeside(ctx, "a client connected that sends nothing", silent -> { });
    }

    /** Beside a connection in the state {@code hold} leaves it in, a new client is served about as fast as alone. */
    static void assertOthersServedBeside(CheckContext ctx, String beside, java.util.function.Consumer<RawConnection> hold) {
        String request = Requests.get(ctx, ctx.route("index"));
        long alone = timed(() -> Exchange.once(ctx, request));
        try (RawConnection held = ctx.raw().open()) {
            hold.accept(held);
            Duration bound = Duration.ofMillis(alone + SLOW_CLIENT_SLACK.toMillis());
            try (RawConnection other = ctx.raw().open()) {
                long start = System.nanoTime();
                Optional<HttpReply> reply = Replies.within(other.send(request), bound);
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (reply.isEmpty()) {
                    throw new AssertionError("GET " + ctx.route("index") + " from a second client beside " + beside
                            + ": no complete response within " + bound.toMillis() + " ms (alone: " + alone
                            + " ms); such a client must not block others (" + ctx.requirement() + ")");
                }
                ctx.note("served in " + ms + " ms beside " + beside + " (alone: " + alone + " ms)");
            }
        }
    }
    @Needs(routes = "data", limits = "maxClients")
    @Check("LIM-05")
    @CountsConnections
    void extraClientGets503OrWaitsForAFreeSlot(CheckContext ctx) {
        List<RawConnection> holders = new ArrayList<>();
        try {
            boolean capReached = fillClientSlots(ctx, holders);
            String what = "GET " + ctx.route("data") + " from client #" + (holders.size() + 1) + " while " + holders.size()
                    + " connections hold every client slot";
            try (RawConnection extra = ctx.raw().open()) {
                extra.send(Requests.get(ctx, ctx.route("data")));
                Optional<HttpReply> early = Replies.within(extra, Waits.prompt());
                if (early.isPresent() && early.get().status() == 200) {
                    // the holders have not finished their next request: a server may drop one for the newcomer (ROB-04)
                    boolean dropped = holders.stream().anyMatch(h -> h.closedByPeerWithin(Duration.ofMillis(50)));
                    if (!dropped) {
                        throw Answers.failure(ctx, what, "answered 200 at once and every holder is still open",
                                "503, a wait for a free slot, or one holder dropped for it (a cap of "
                                        + holders.size() + ")");
                    }
                    return;
                }
                if (early.isPresent()) {
                    Answers.expectStatus(ctx, early.get(), what + (capReached ? " (the cap was reached earlier)" : ""),
                            503);
                    return;
                }
                holders.forEach(RawConnection::close);
                Answers.expectStatus(ctx, Answers.read(ctx, extra, what + ", waiting, once the holders left",
                        "200 once a slot is free"), what + ", waiting, once the holders left", 200);
            }
        } finally {
            holders.forEach(RawConnection::close);
        }
    }

    @Needs(routes = "data", limits = "maxClients")
    @Check("LIM-05")
    void serverRecoversWhenClientsLeave(CheckContext ctx) {
        List<RawConnection> holders = new ArrayList<>();
        fillClientSlots(ctx, holders);
        holders.forEach(RawConnection::close);
        await("GET " + ctx.route("data") + " answered 200 after " + holders.size() + " clients left")
                .atMost(Waits.recoveryAfterHeaderTimeout(ctx)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(Exchange.once(ctx, Requests.get(ctx, ctx.route("data"))).status())
                        .isEqualTo(200));
    }

    @Needs(routes = "json")
    @Check("LIM-06")
    void continueIsSentWhenTheBodyWillBeRead(CheckContext ctx) {
        String body = "{\"expect\":\"continue\"}";
        try (RawConnection c = ctx.raw().open()) {
            c.send(Requests.head(ctx, "POST", ctx.route("json"), "Content-Type: application/json",
                    "Content-Length: " + body.length(), "Expect: 100-continue") + CRLF);
            String sent = "POST " + ctx.route("json") + " with Expect: 100-continue, the " + body.length()
                    + "-byte body held back";
            Answers.expectStatus(ctx, Answers.read(ctx, c, sent, "100 Continue"), sent, 100);
            HttpReply reply = Answers.read(ctx, c.send(body), sent + ", then the body", "200");
            Answers.expectStatus(ctx, reply, sent + ", then the body", 200);
        }
    }

    @Needs(routes = "missing")
    @Check("LIM-06")
    void finalStatusFirstForAMissingRoute(CheckContext ctx) {
        assertNoContinueUnlessRead(ctx, "POST", ctx.route("missing"), 16);
    }

    @Needs(routes = "json")
    @Check("LIM-06")
    void finalStatusFirstForAMethodNotAllowed(CheckContext ctx) {
        assertNoContinueUnlessRead(ctx, "PUT", ctx.route("json"), 16);
    }

    @Needs(routes = "json", limits = "maxBodyBytes")
    @Check("LIM-06")
    void finalStatusFirstForAnOversizedBody(CheckContext ctx) {
        assertNoContinueUnlessRead(ctx, "POST", ctx.route("json"), (int) ctx.limit("maxBodyBytes") + 1);
    }

    @Needs(routes = "json", limits = {"bodyTimeoutMs", "maxBodyBytes"})
    @Check("LIM-07")
    void trickledBodyIsDroppedAfterTheBodyTimeout(CheckContext ctx) {
        Duration bodyTimeout = Duration.ofMillis(ctx.limit("bodyTimeoutMs"));
        Duration limit = SlowClients.waitFor(ctx, bodyTimeout, "bodyTimeoutMs");
        // more bytes than the trickle can deliver before the limit, but within the body limit (no 413 at once):
        // only the server's deadline ends it
        long length = Math.min(ctx.limit("maxBodyBytes"), limit.toMillis() / SlowClients.PACE.toMillis() + 64);
        try (RawConnection c = ctx.raw().open()) {
            c.send(Requests.head(ctx, "POST", ctx.route("json"), "Content-Type: application/json",
                    "Content-Length: " + length) + CRLF + "[");
            long ms = SlowClients.trickleUntilClosed(c, new byte[] {'0'}, limit);
            ctx.note("body of " + length + " bytes trickled at 1 byte per " + SlowClients.PACE.toMillis()
                    + " ms: " + (ms < 0 ? "still open" : "dropped") + " after " + (ms < 0 ? limit.toMillis() : ms) + " ms");
            if (ms < 0) {
                throw new AssertionError("POST " + ctx.route("json") + " with Content-Length: " + length + ", the body "
                        + "trickled 1 byte per " + SlowClients.PACE.toMillis() + " ms: still open after "
                        + limit.toMillis() + " ms; expected 408 or a close within " + limit.toMillis() + " ms (body "
                        + "timeout " + bodyTimeout.toMillis() + " ms, " + ctx.requirement() + ")");
            }
        }
    }

    @Needs(routes = "ws", limits = "wsFrameTimeoutMs")
    @Check("LIM-08")
    void trickledWebSocketFrameIsClosedAfterTheFrameTimeout(CheckContext ctx) {
        ctx.route("ws");
        Duration frameTimeout = Duration.ofMillis(ctx.limit("wsFrameTimeoutMs"));
        Duration limit = SlowClients.waitFor(ctx, frameTimeout, "wsFrameTimeoutMs");
        WsSession ws = WsSession.open(ctx, 808);
        try {
            // a masked text frame that claims 125 bytes; its payload then trickles
            ws.connection().send(new byte[] {(byte) 0x81, (byte) (0x80 | 125), 1, 2, 3, 4});
            long start = System.nanoTime();
            WsFrame answer = null;
            boolean closed = false;
            while (answer == null && !closed && System.nanoTime() - start < limit.toNanos()) {
                try {
                    answer = ws.read(SlowClients.PACE);
                } catch (AssertionError nothingYet) {
                    closed = !RobustnessChecks.deliver(ws.connection(), new byte[] {'x'});
                }
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            ctx.note("frame payload trickled at 1 byte per " + SlowClients.PACE.toMillis() + " ms: "
                    + (answer != null ? "answered " + answer : closed ? "connection closed" : "still open") + " after "
                    + ms + " ms");
            if (answer == null && !closed) {
                throw new AssertionError("a masked text frame of 125 bytes on " + ctx.route("ws") + ", its payload "
                        + "trickled 1 byte per " + SlowClients.PACE.toMillis() + " ms: still open after " + ms
                        + " ms; expected CLOSE 1008 or a close within " + limit.toMillis() + " ms (frame timeout "
                        + frameTimeout.toMillis() + " ms, " + ctx.requirement() + ")");
            }
            String sent = "a masked text frame of 125 bytes, its payload trickled 1 byte per "
                    + SlowClients.PACE.toMillis() + " ms";
            if (answer != null && (answer.opcode() != WsFrame.CLOSE || answer.closeCode() != 1008)) {
                throw ws.failure(sent, "the server sent " + answer.describe() + " after " + ms + " ms",
                        "CLOSE 1008 or a close within " + limit.toMillis() + " ms");
            }
            if (answer != null && !ws.connection().closedByPeerWithin(Waits.close(ctx))) {
                throw ws.failure(sent, "the server sent CLOSE 1008 but left the TCP connection open for "
                        + Waits.close(ctx).toMillis() + " ms", "CLOSE 1008, then the TCP close");
            }
        } finally {
            ws.close();
        }
    }

    @Needs(routes = {"index", "ws"}, limits = "maxClients")
    @Check("LIM-09")
    @CountsConnections  // it holds every slot: a client an earlier check left would take one (seen in a pool of 4)
    void extraClientsGet503AtOnceWhenNoSlotCanBeFreed(CheckContext ctx) {
        ctx.route("ws");
        int maxClients = (int) ctx.limit("maxClients");
        List<RawConnection> sessions = new ArrayList<>();
        List<RawConnection> extras = new ArrayList<>();
        try {
            // WebSocket sessions: requests that are complete and being served hold their slots for good
            sessions.add(WsSession.open(ctx, 900).connection());
            java.util.Random random = new java.util.Random(901);
            while (sessions.size() < maxClients) {
                RawConnection c = ctx.raw().open();
                sessions.add(c);
                HttpReply reply = WsSession.upgrade(ctx, c, "(session " + sessions.size() + " of " + maxClients
                        + ", to hold the client slots)", "101 Switching Protocols", "Upgrade: websocket", "Connection: Upgrade",
                        "Sec-WebSocket-Key: " + WsSession.newKey(random), "Sec-WebSocket-Version: 13");
                if (reply.status() != 101) {
                    org.junit.jupiter.api.Assumptions.abort("WebSocket session " + sessions.size() + " of "
                            + maxClients + " was answered " + reply.status()
                            + ": every client slot cannot be held with sessions");
                }
            }
            int count = Math.max(4, maxClients);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                extras.add(ctx.raw().open().send(Requests.get(ctx, ctx.route("index"))));
            }
            List<String> answers = new ArrayList<>();
            for (RawConnection extra : extras) {
                long left = Waits.prompt().toNanos() - (System.nanoTime() - start);
                Optional<HttpReply> reply = Replies.within(extra, Duration.ofNanos(Math.max(1_000_000, left)));
                answers.add(reply.map(r -> String.valueOf(r.status())).orElse("nothing"));
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            ctx.note(count + " extra clients while " + sessions.size() + " WebSocket sessions hold every slot: " + answers
                    + " within " + ms + " ms");
            if (!answers.stream().allMatch(a -> a.equals("503") || a.equals("200")) || !answers.contains("503")) {
                throw Answers.failure(ctx, "GET " + ctx.route("index") + " from " + count + " clients arriving together "
                        + "while " + sessions.size() + " WebSocket sessions hold every slot", "answers " + answers
                        + " within " + ms + " ms", "503 (or 200) to each within " + Waits.prompt().toMillis()
                        + " ms, at least one 503");
            }
        } finally {
            SlowClients.closeAll(extras);
            for (RawConnection session : sessions) {
                RobustnessChecks.deliver(session, new WsFrame(true, 0, WsFrame.CLOSE, new byte[] {3, (byte) 232})
                        .encode(true, new java.util.Random(1)));
                session.closedByPeerWithin(Waits.close(ctx));
                session.close();
            }
        }
    }

    /**
     * A {@code 100 Continue} promises to read the body: after it and the body, the final status must
     * be a success (the body was read and used); without it, the final status must come first.
     */
    static void assertNoContinueUnlessRead(CheckContext ctx, String method, String path, int length) {
        try (RawConnection c = ctx.raw().open()) {
            c.send(Requests.head(ctx, method, path, "Content-Type: application/json", "Content-Length: " + length,
                    "Expect: 100-continue") + CRLF);
            String sent = method + " " + path + " with Expect: 100-continue and a " + length + "-byte body not yet sent";
            HttpReply first = Answers.read(ctx, c, sent, "100 Continue, or a final status first when the body will "
                    + "not be read");
            if (first.status() != 100) {
                Answers.expectStatusBetween(ctx, first, sent + " (a final status instead of 100 Continue)", 400, 599);
                return;
            }
            HttpReply after = Answers.read(ctx, c.send(Payloads.jsonBlob(1, Math.max(12, length))), sent
                    + ", then the body after 100 Continue", "the final status of the request");
            Answers.expectStatusBetween(ctx, after, String.format("%s %s: 100 Continue was sent, so the body must have been read and used",
                    method, path), 200, 299);
        }
    }

    /**
     * Opens connections that each complete one request and then start the next one (busy, so that a
     * server may not evict them as idle), until the cap or a 503 (other clients may hold slots).
     */
    static boolean fillClientSlots(CheckContext ctx, List<RawConnection> holders) {
        for (int i = 0; i < (int) ctx.limit("maxClients"); i++) {
            RawConnection c = ctx.raw().open();
            holders.add(c);
            // the next request's first bytes travel with this one, so the connection is never idle
            HttpReply reply = Exchange.on(ctx, c, Requests.get(ctx, ctx.route("data")) + "GET ");
            if (reply.status() == 503) {
                return true;
            }
            Answers.expectStatus(ctx, reply, String.format("holder #%d of %d", i + 1, (int) ctx.limit("maxClients")), 200);
            org.junit.jupiter.api.Assumptions.assumeTrue(reply.statusLine().startsWith("HTTP/1.1")
                    && !KeepAliveChecks.hasCloseToken(reply) && RobustnessChecks.deliver(c, ctx.route("data")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)), "the server closes the connection after "
                    + "each response (KA-01 judges that): client slots cannot be held with open connections");
        }
        // a bounded moment for the server to see the started requests
        holders.get(holders.size() - 1).closedByPeerWithin(Duration.ofMillis(50));
        return false;
    }

    static void assertStatusThenClose(CheckContext ctx, String request, int status) {
        String what = describeSent(request);
        try (RawConnection c = ctx.raw().open()) {
            HttpReply reply = Answers.read(ctx, c.send(request), what, status + " then a close");
            Answers.expectStatus(ctx, reply, what, status);
            PeerEnd end = c.awaitPeerEnd(Waits.close(ctx));
            if (!end.closed()) {
                throw new AssertionError(what + ": answered " + status + ", then the server " + end.describe() + " for "
                        + Waits.close(ctx).toMillis() + " ms; expected a close after the " + status + " ("
                        + ctx.requirement() + ")");
            }
        }
    }

    /** "GET / HTTP/1.1 with a 4230-byte head" for messages. */
    static String describeSent(String request) {
        int headEnd = request.indexOf(CRLF + CRLF);
        int head = headEnd < 0 ? request.length() : headEnd + 4;
        return Answers.line(request) + " with a " + head + "-byte head" + (request.length() > head
                ? " and " + (request.length() - head) + " body bytes" : "");
    }

    static void assertDroppedInTime(CheckContext ctx, RawConnection c, long startNanos, String what) {
        Duration limit = Waits.afterHeaderTimeout(ctx);
        PeerEnd end = c.awaitPeerEnd(limit);
        if (!end.closed() && end.received().length > 0) {
            end = new PeerEnd(end.received(), c.awaitPeerEnd(Waits.close(ctx)).closed(), false);
        }
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        ctx.note("incomplete head: the server " + end.describe() + " after " + ms + " ms");
        assertNoAnswerButTimeout(ctx, end, what, ms);
        assertClosed(ctx, end, what, ms, limit);
    }

    static void assertClosed(CheckContext ctx, PeerEnd end, String what, long ms, Duration limit) {
        if (!end.closed()) {
            throw new AssertionError(what + ": still open after " + ms + " ms; expected 408 or a close within "
                    + limit.toMillis() + " ms (header timeout " + ctx.limit("headerTimeoutMs") + " ms, "
                    + ctx.requirement() + ")");
        }
    }

    /** An incomplete request is never answered as a request: the only answer allowed is 408 (RFC 9110 15.5.9). */
    static void assertNoAnswerButTimeout(CheckContext ctx, PeerEnd end, String what, long ms) {
        if (end.received().length > 0 && !end.startsWithStatus(408)) {
            throw new AssertionError(what + ": the server answered '" + end.firstLine() + "' (" + end.received().length
                    + " bytes) after " + ms + " ms, before the request was complete; expected 408 or a close after the "
                    + "header timeout (" + ctx.requirement() + ")");
        }
    }

    static long timed(Runnable exchange) {
        long start = System.nanoTime();
        exchange.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
