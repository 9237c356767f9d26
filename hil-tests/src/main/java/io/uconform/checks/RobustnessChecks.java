package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.uconform.checks.support.Answers;
import io.uconform.checks.support.Baseline;
import io.uconform.checks.support.BoardRoutes;
import io.uconform.checks.support.Exchange;
import io.uconform.checks.support.Hostile;
import io.uconform.checks.support.Replies;
import io.uconform.checks.support.Requests;
import io.uconform.checks.support.Waits;
import io.uconform.client.HttpReply;
import io.uconform.client.RawConnection;
import io.uconform.suite.Check;
import io.uconform.suite.RunsAlone;
import io.uconform.suite.CheckContext;
import io.uconform.suite.LastConformanceChecks;
import io.uconform.suite.Needs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Order;

/**
 * ROB: bounded, seeded hostile campaigns. Runs last among the groups (a target degraded by abuse
 * must not spoil the verdicts of other groups); the ROB-03 checks watch the data route, not
 * {@code GET /}, which is ROB-01's witness.
 */
@LastConformanceChecks
@Order(ChecksOrder.HOSTILE)
public class RobustnessChecks {

    /**
     * Free-heap drop a campaign may cause when the profile sets no {@code maxHeapDropBytes}: this or
     * a tenth of the free heap, whichever is larger (a JVM's free heap swings with its collector).
     */
    private static final long DEFAULT_MAX_HEAP_DROP = 16 * 1024;

    @Needs(routes = "index")
    @Check("ROB-01")
    void malformedRequestCampaign(CheckContext ctx) {
        Baseline baseline = Baseline.of(ctx);
        Hostile hostile = new Hostile(ctx, 101);
        for (int i = 0; i < 150; i++) {
            sendAndAwaitVerdict(ctx, hostile.next(i % 2 == 0 ? Hostile.Kind.MALFORMED_LINE : Hostile.Kind.BAD_HEADER));
        }
        ctx.note("150 malformed heads (seed 101), each answered or closed");
        baseline.assertStillAnswers(ctx, Waits.reply(ctx));
    }

    @Needs(routes = "index")
    @Check("ROB-01")
    void randomBytesCampaign(CheckContext ctx) {
        Baseline baseline = Baseline.of(ctx);
        Hostile hostile = new Hostile(ctx, 202);
        for (int i = 0; i < 150; i++) {
            sendAndLeave(ctx, hostile.next(Hostile.Kind.RANDOM_BYTES), i % 3 == 0);
        }
        ctx.note("150 random byte blobs (seed 202), each left or reset at once");
        baseline.assertStillAnswers(ctx, Waits.recoveryAfterHeaderTimeout(ctx));
    }

    @Needs(routes = "index")
    @Check("ROB-01")
    void truncatedAndShortBodyCampaign(CheckContext ctx) {
        Baseline baseline = Baseline.of(ctx);
        Hostile hostile = new Hostile(ctx, 303);
        for (int i = 0; i < 120; i++) {
            sendAndLeave(ctx, hostile.next(i % 2 == 0 ? Hostile.Kind.TRUNCATED : Hostile.Kind.SHORT_BODY), i % 4 == 0);
        }
        ctx.note("120 truncated requests and short bodies (seed 303)");
        baseline.assertStillAnswers(ctx, Waits.recoveryAfterHeaderTimeout(ctx));
    }

    @Needs(routes = "index")
    @Check("ROB-01")
    void oversizedCampaign(CheckContext ctx) {
        Baseline baseline = Baseline.of(ctx);
        Hostile hostile = new Hostile(ctx, 404);
        for (int i = 0; i < 30; i++) {
            sendAndLeave(ctx, hostile.next(Hostile.Kind.OVERSIZED), false);
        }
        ctx.note("30 oversized heads, targets and bodies (seed 404)");
        baseline.assertStillAnswers(ctx, Waits.recoveryAfterHeaderTimeout(ctx));
    }

    @Needs(routes = "index")
    @Check("ROB-01")
    void mixedCampaignWithGarbageAfterValidRequests(CheckContext ctx) {
        Baseline baseline = Baseline.of(ctx);
        Hostile hostile = new Hostile(ctx, 505);
        Map<Hostile.Kind, Integer> counts = new EnumMap<>(Hostile.Kind.class);
        for (int i = 0; i < 200; i++) {
            Hostile.Kind kind = hostile.anyKind();
            counts.merge(kind, 1, Integer::sum);
            byte[] garbage = hostile.next(kind);
            if (i % 5 == 0) {
                try (RawConnection c = ctx.raw().open()) {
                    Exchange.on(ctx, c, Requests.get(ctx, ctx.route("index")));
                    deliver(c, garbage);
                }
            } else {
                sendAndLeave(ctx, garbage, i % 7 == 0);
            }
        }
        ctx.note("200 mixed hostile requests (seed 505): " + counts);
        baseline.assertStillAnswers(ctx, Waits.recoveryAfterHeaderTimeout(ctx));
    }

    @Needs(routes = {"index", "system"})
    @Check("ROB-02")
    void freeHeapStaysBoundedUnderAbuse(CheckContext ctx) {
        long before = freeHeap(ctx);
        Hostile hostile = new Hostile(ctx, 606);
        for (int i = 0; i < 200; i++) {
            sendAndLeave(ctx, hostile.next(hostile.anyKind()), i % 2 == 0);
        }
        long maxDrop = ctx.profile().param("maxHeapDropBytes").map(Long::parseLong)
                .orElse(Math.max(DEFAULT_MAX_HEAP_DROP, before / 10));
        await("free heap back within " + maxDrop + " bytes of " + before + " after 200 hostile requests")
                .atMost(Waits.recoveryAfterHeaderTimeout(ctx)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(freeHeap(ctx)).as("free heap (before: %d)", before)
                        .isGreaterThanOrEqualTo(before - maxDrop));
        ctx.note("free heap before " + before + ", after " + freeHeap(ctx) + " bytes");
    }

    @Needs(routes = {"data", "index"}, limits = {"headerTimeoutMs", "maxClients"})
    @Check("ROB-03")
    void slowHeadsDoNotStopOtherClients(CheckContext ctx) {
        assertOthersServedWhileHeld(ctx, i -> Requests.head(ctx, "GET", ctx.route("index")) + "X-Slow-" + i + ": ");
    }

    @Needs(routes = {"data", "json"}, limits = {"headerTimeoutMs", "maxClients"})
    @Check("ROB-03")
    void stalledBodiesDoNotStopOtherClients(CheckContext ctx) {
        assertOthersServedWhileHeld(ctx, i -> Requests.head(ctx, "POST", ctx.route("json"),
                "Content-Type: application/json", "Content-Length: 4096") + Requests.CRLF + "{\"stalled\":");
    }

    @Needs(routes = {"data", "index"}, limits = "headerTimeoutMs")
    @Check("ROB-03")
    @RunsAlone
    void garbageFloodDoesNotStopOtherClients(CheckContext ctx) {
        Hostile hostile = new Hostile(ctx, 707);
        long worst = 0;
        for (int i = 0; i < 40; i++) {
            sendAndLeave(ctx, hostile.next(hostile.anyKind()), i % 2 == 0);
            long start = System.nanoTime();
            awaitDataServed(ctx);
            worst = Math.max(worst, (System.nanoTime() - start) / 1_000_000);
        }
        ctx.note("worst latency of the data route between 40 hostile requests: " + worst + " ms");
    }

    @Needs(routes = "index", limits = {"maxClients", "headerTimeoutMs"})
    @Check("ROB-04")
    void slowHeadsOnEverySlotDoNotLockOutANewClient(CheckContext ctx) {
        assertNewcomerServedWhileEverySlotIsHeld(ctx, i -> Requests.head(ctx, "GET", ctx.route("index")) + "X-Slow-" + i
                + ": ");
    }

    @Needs(routes = {"index", "json"}, limits = {"maxClients", "headerTimeoutMs"})
    @Check("ROB-04")
    void slowBodiesOnEverySlotDoNotLockOutANewClient(CheckContext ctx) {
        int length = 64;  // a small JSON body, never over a body limit: it is only unfinished
        assertNewcomerServedWhileEverySlotIsHeld(ctx, i -> Requests.head(ctx, "POST", ctx.route("json"),
                "Content-Type: application/json", "Content-Length: " + length) + Requests.CRLF + "{\"slow\":");
    }

    /**
     * Every client slot held by a client that has not finished its request: a new client must be
     * served long before the header timeout would free a slot (the oldest unfinished request is
     * dropped for it); a few refusals while the held requests are fresh are allowed.
     */
    static void assertNewcomerServedWhileEverySlotIsHeld(CheckContext ctx, java.util.function.IntFunction<String> partial) {
        Duration headerTimeout = Duration.ofMillis(ctx.limit("headerTimeoutMs"));
        // until 80 % of the header timeout since the first held request was opened: no held slot can have
        // been freed by that timeout yet (the server's timer starts at its accept, after our open), so an
        // answer in that window is the eviction; the slack is for a loaded machine
        Duration window = headerTimeout.multipliedBy(4).dividedBy(5);
        // ROB-04 is about being locked out, so the probe route must answer 200 on a quiet server first;
        // a route that fails anyway is another requirement's failure (ROB-01, CORE-01), not this one's
        int quiet;
        try (RawConnection c = ctx.raw().open()) {
            c.send(Requests.get(ctx, ctx.route("index")));
            quiet = Replies.within(c, Waits.prompt()).map(HttpReply::status).orElse(0);
        }
        assumeThat(quiet).as("GET %s answers 200 with no slow clients (it answered %s: 0 is no answer), so a "
                + "newcomer's answer can show whether it was locked out", ctx.route("index"), quiet).isEqualTo(200);
        List<RawConnection> held = new ArrayList<>();
        try {
            long start = System.nanoTime();
            for (int i = 0; i < ctx.limit("maxClients"); i++) {
                held.add(ctx.raw().open().send(partial.apply(i)));
            }
            List<Integer> statuses = new ArrayList<>();
            boolean served = false;
            while (!served && System.nanoTime() - start < window.toNanos()) {
                Optional<HttpReply> reply;
                try (RawConnection c = ctx.raw().open()) {
                    c.send(Requests.get(ctx, ctx.route("index")));
                    long left = window.toMillis() - (System.nanoTime() - start) / 1_000_000;
                    reply = Replies.within(c, Duration.ofMillis(Math.max(50, Math.min(left, window.toMillis() / 2))));
                }
                statuses.add(reply.map(HttpReply::status).orElse(0));
                served = reply.map(r -> r.status() == 200).orElse(false);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            long dropped = held.stream().filter(c -> c.closedByPeerWithin(Duration.ofMillis(20))).count();
            ctx.note("new client while " + held.size() + " slow clients hold every slot: statuses " + statuses
                    + " (0: no answer) in " + ms + " ms; slow clients dropped: " + dropped);
            if (!served) {
                throw Answers.failure(ctx, "GET " + ctx.route("index") + " from a new client while " + held.size()
                        + " unfinished requests hold every client slot", "answers " + statuses.stream().map(st -> st == 0
                        ? "none" : String.valueOf(st)).toList() + " in " + ms + " ms (" + dropped + " of the held "
                        + "clients dropped)", "200 within " + window.toMillis() + " ms of the first held request, the oldest "
                        + "unfinished request dropped for it before the " + headerTimeout.toMillis()
                        + " ms header timeout could free a slot");
            }
        } finally {
            held.forEach(RawConnection::close);
        }
    }

    /** Holds all but two client slots with incomplete requests; another client must be served in time. */
    static void assertOthersServedWhileHeld(CheckContext ctx, java.util.function.IntFunction<String> partial) {
        int held = Math.max(1, (int) ctx.limit("maxClients") - 2);
        List<RawConnection> hostile = new ArrayList<>();
        try {
            for (int i = 0; i < held; i++) {
                hostile.add(ctx.raw().open().send(partial.apply(i)));
            }
            long start = System.nanoTime();
            awaitDataServed(ctx);
            ctx.note("data route served " + (System.nanoTime() - start) / 1_000_000 + " ms into a hold of " + held
                    + " incomplete requests");
        } finally {
            hostile.forEach(RawConnection::close);
        }
    }

    static void awaitDataServed(CheckContext ctx) {
        await("GET " + ctx.route("data") + " served on " + ctx.targetName() + " during abuse")
                .atMost(java.time.Duration.ofMillis(ctx.limit("headerTimeoutMs"))).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(Exchange.once(ctx, Requests.get(ctx, ctx.route("data"))).status())
                        .isEqualTo(200));
    }

    /**
     * Sends a complete hostile head and waits briefly for the server's answer (or its close); a
     * server that answers neither is left (ROB-01 judges only that GET / still answers afterwards,
     * and 150 full reply waits would outlast the check's hard timeout).
     */
    static void sendAndAwaitVerdict(CheckContext ctx, byte[] request) {
        try (RawConnection c = ctx.raw().open()) {
            if (deliver(c, request)) {
                Replies.within(c, Waits.prompt());
            }
        }
    }

    /** Sends and leaves at once: a normal close, or a reset. */
    static void sendAndLeave(CheckContext ctx, byte[] request, boolean reset) {
        RawConnection c = ctx.raw().open();
        deliver(c, request);
        c.close(reset);
    }

    /** False when the server already dropped the connection (e.g. a 503 at the cap): abuse need not land. */
    static boolean deliver(RawConnection c, byte[] request) {
        try {
            c.send(request);
            return true;
        } catch (AssertionError refused) {
            return false;
        }
    }

    static long freeHeap(CheckContext ctx) {
        // a fresh connection: the campaign may have made the server drop idle pooled ones
        HttpReply reply = Exchange.once(ctx, Requests.get(ctx, BoardRoutes.system(ctx)));
        assumeThat(reply.status()).as("GET %s answers (needed for free heap)", BoardRoutes.system(ctx)).isEqualTo(200);
        JsonNode heap = reply.json().path("data").path("free_heap");
        assumeThat(heap.canConvertToLong()).as("the target reports free_heap in %s", reply.text()).isTrue();
        return heap.asLong();
    }
}
