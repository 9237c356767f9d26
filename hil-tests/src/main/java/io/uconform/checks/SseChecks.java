package io.uconform.checks;

import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.http.sse.Event;
import io.uconform.checks.support.Answers;
import io.uconform.checks.support.Baseline;
import io.uconform.checks.support.BoardRoutes;
import io.uconform.checks.support.BusyRetry;
import io.uconform.checks.support.Exchange;
import io.uconform.checks.support.Requests;
import io.uconform.checks.support.SseMessage;
import io.uconform.checks.support.SseReader;
import io.uconform.checks.support.Waits;
import io.uconform.client.HttpReply;
import io.uconform.client.Json;
import io.uconform.client.RawConnection;
import io.uconform.suite.Check;
import io.uconform.suite.CountsConnections;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import io.uconform.suite.Needs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * SSE: the event stream's head, the event format, broadcast to every subscriber and the
 * subscriber cap. Roles: {@code events} (the stream), {@code events-trigger} (a GET route whose call
 * makes the server send an event on it), {@code events-publish} (a POST route publishing a body, for
 * multi-line data). The {@code pin} event checks are the reference board API's (section 3: an LED
 * toggle through the {@code led} role is a {@code pin} event for {@code ledPin}).
 */
@Needs(routes = "events")
@ConformanceChecks
public class SseChecks {

    private static final Duration GREETING_QUIET = Duration.ofMillis(300);

    @Check("SSE-01")
    void subscriptionIsAnEventStreamWithoutLength(CheckContext ctx) {
        HttpReply head = subscribe(ctx).head();
        String what = "GET " + path(ctx) + " (Accept: text/event-stream)";
        Answers.expectStatus(ctx, head, what, 200);
        if (!head.header("content-type").map(v -> v.toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream"))
                .orElse(false)) {
            throw Answers.failure(ctx, what, "'" + head.statusLine() + "' with " + Answers.header(head, "Content-Type"),
                    "Content-Type: text/event-stream");
        }
        if (head.header("content-length").isPresent()) {
            throw Answers.failure(ctx, what, "'" + head.statusLine() + "' with " + Answers.header(head, "Content-Length"),
                    "no Content-Length on an endless stream");
        }
    }

    @Check("SSE-01")
    void subscriptionIsNotCached(CheckContext ctx) {
        HttpReply head = subscribe(ctx).head();
        String what = "GET " + path(ctx) + " (Accept: text/event-stream)";
        Answers.expectStatus(ctx, head, what, 200);
        if (!head.header("cache-control").map(v -> v.toLowerCase(java.util.Locale.ROOT).contains("no-cache"))
                .orElse(false)) {
            throw Answers.failure(ctx, what, "'" + head.statusLine() + "' with " + Answers.header(head, "Cache-Control"),
                    "Cache-Control: no-cache");
        }
    }

    @Needs(routes = "events-trigger")
    @Check("SSE-01")
    void streamStaysOpenAndDeliversAfterTheHead(CheckContext ctx) {
        SseReader sse = subscribe(ctx);
        Answers.expectStatus(ctx, sse.head(), "GET " + path(ctx) + " (Accept: text/event-stream)", 200);
        trigger(ctx);
        SseMessage event = sse.next(m -> true, "an event after GET " + ctx.route("events-trigger"), eventWait(ctx));
        ctx.note("event after the head: " + event.raw());
    }

    @Needs(routes = "led", params = "ledPin")
    @Check("SSE-02")
    void pinEventHasNameIdAndJsonData(CheckContext ctx) {
        SseReader sse = subscribe(ctx);
        int led = BoardRoutes.pin(ctx, "ledPin");
        toggleLed(ctx);
        SseMessage event = sse.next(m -> isPinEvent(m, led), "pin event for GPIO " + led, eventWait(ctx));
        String what = "GET " + path(ctx) + ", then a toggle of GPIO " + led;
        String got = "the event was '" + String.join("|", event.raw()) + "'";
        if (event.raw().stream().noneMatch(l -> l.startsWith("event:"))) {
            throw Answers.failure(ctx, what, got, "an 'event: pin' line");
        }
        if (!event.id().matches("\\d+")) {
            throw Answers.failure(ctx, what, got, "a numeric 'id:' line");
        }
        JsonNode data = Json.parse(event.data());
        if (data.path("value").asInt(-1) < 0 || data.path("value").asInt(-1) > 1 || !data.has("t_ms")) {
            throw Answers.failure(ctx, what, got, "data {\"pin\": " + led + ", \"value\": 0 or 1, \"t_ms\": ...}");
        }
    }

    @Needs(routes = "led", params = "ledPin")
    @Check("SSE-02")
    void idsIncreaseAndValuesFollowTheLed(CheckContext ctx) {
        SseReader sse = subscribe(ctx);
        int led = BoardRoutes.pin(ctx, "ledPin");
        JsonNode first = toggleLed(ctx);
        SseMessage a = sse.next(m -> isPinEvent(m, led), "first pin event", eventWait(ctx));
        JsonNode second = toggleLed(ctx);
        SseMessage b = sse.next(m -> isPinEvent(m, led), "second pin event", eventWait(ctx));
        String what = "GET " + path(ctx) + ", then two toggles of GPIO " + led + " (answered values "
                + first.path("value") + ", " + second.path("value") + ")";
        String got = "events '" + String.join("|", a.raw()) + "' then '" + String.join("|", b.raw()) + "'";
        if (!a.id().matches("\\d+") || !b.id().matches("\\d+") || Long.parseLong(b.id()) <= Long.parseLong(a.id())) {
            throw Answers.failure(ctx, what, got, "numeric ids that increase");
        }
        if (Json.parse(a.data()).path("value").asInt() != first.path("value").asInt()
                || Json.parse(b.data()).path("value").asInt() != second.path("value").asInt()) {
            throw Answers.failure(ctx, what, got, "each event's value to be the one its toggle answered");
        }
    }

    @Needs(routes = "led", params = "ledPin")
    // slots held by subscribers an earlier check left: Micronaut's client then fails on the busy 503
    // in ways the check cannot tell from a broken stream (seen under SSE_NO_SUBSCRIBER_CAP in a pool)
    @CountsConnections
    @Check("SSE-02")
    void micronautSseClientReadsPinEvents(CheckContext ctx) throws Exception {
        int led = BoardRoutes.pin(ctx, "ledPin");
        List<Event<String>> received = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        SseClient client = SseClient.create(ctx.baseUri().toURL());
        Disposable[] subscription = {subscribe(client, ctx, received, errors)};
        try {
            // toggled until an event arrives: the client subscribes asynchronously; a busy 503 resubscribes
            await("[" + ctx.targetName() + "] a pin event through Micronaut's SseClient")
                    .atMost(BusyRetry.slotWait(ctx)).pollInterval(Duration.ofMillis(300)).until(() -> {
                        if (!errors.isEmpty() && isBusy(errors.get(0))) {
                            errors.clear();
                            subscription[0].dispose();
                            subscription[0] = subscribe(client, ctx, received, errors);
                            return false;
                        }
                        toggleLed(ctx);
                        return errors.stream().anyMatch(e -> !isBusy(e))
                                || received.stream().anyMatch(e -> "pin".equals(e.getName()));
                    });
            String what = "Micronaut's SseClient on GET " + path(ctx) + ", toggling GPIO " + led;
            if (!errors.stream().allMatch(SseChecks::isBusy)) {
                throw Answers.failure(ctx, what, "the client failed: " + errors, "a stream it reads without error");
            }
            Event<String> event = received.stream().filter(e -> "pin".equals(e.getName())).findFirst().orElseThrow();
            ctx.note("SseClient event: name=" + event.getName() + " id=" + event.getId() + " data=" + event.getData());
            if (event.getId() == null || event.getId().isBlank()
                    || Json.parse(event.getData()).path("pin").asInt(-1) != led) {
                throw Answers.failure(ctx, what, "it read a pin event with id '" + event.getId() + "' and data "
                        + event.getData(), "an id and {\"pin\": " + led + ", ...}");
            }
        } finally {
            subscription[0].dispose();
            if (client instanceof AutoCloseable) {
                ((AutoCloseable) client).close();
            }
        }
    }

    private static Disposable subscribe(SseClient client, CheckContext ctx, List<Event<String>> received,
                                        List<Throwable> errors) {
        return Flux.from(client.eventStream(HttpRequest.GET(path(ctx)), String.class))
                .subscribe(received::add, errors::add);
    }

    private static boolean isBusy(Throwable error) {
        return error instanceof HttpClientResponseException
                && ((HttpClientResponseException) error).getStatus().getCode() == 503;
    }

    @Needs(routes = "events-publish")
    @Check("SSE-02")
    void multiLineDataBecomesRepeatedDataLines(CheckContext ctx) {
        String publish = ctx.route("events-publish");
        SseReader sse = subscribe(ctx);
        HttpReply sent = publish(ctx, publish, "{\"event\":\"note\",\"data\":\"first line\\nsecond: line\\r\\nthird\"}");
        Answers.expectStatus(ctx, sent, String.format("publish through %s", publish), 200);
        SseMessage note = sse.next(m -> m.event().equals("note"), "the published note", eventWait(ctx));
        if (!note.dataLines().equals(List.of("first line", "second: line", "third"))) {
            throw Answers.failure(ctx, "POST " + publish + " of a note with data 'first line\\nsecond: line\\r\\nthird'",
                    "the event came as '" + String.join("|", note.raw()) + "'",
                    "three data lines: 'data: first line|data: second: line|data: third'");
        }
    }

    @Needs(routes = "events-publish")
    @Check("SSE-02")
    void eventsEndWithABlankLine(CheckContext ctx) {
        String publish = ctx.route("events-publish");
        SseReader sse = subscribe(ctx);
        for (int i = 1; i <= 3; i++) {
            Answers.expectStatus(ctx, publish(ctx, publish, "{\"event\":\"note\",\"data\":\"n" + i + "\"}"),
                    "POST " + publish + " of note n" + i, 200);
        }
        List<String> data = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            data.add(sse.next(m -> m.event().equals("note"), "note " + i, eventWait(ctx)).data());
        }
        if (!data.equals(List.of("n1", "n2", "n3"))) {
            throw Answers.failure(ctx, "POST " + publish + " of notes n1, n2, n3", "the stream carried notes with data "
                    + data, "three events n1, n2, n3, each closed by a blank line");
        }
    }

    @Needs(routes = "events-trigger", limits = "maxSseSubscribers")
    @Check("SSE-03")
    @CountsConnections
    void broadcastReachesEverySubscriber(CheckContext ctx) {
        int count = (int) Math.min(2, ctx.limit("maxSseSubscribers"));
        List<SseReader> subscribers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            subscribers.add(subscribe(ctx));
        }
        // a server may greet each subscriber with an event of its own (the reference firmware sends
        // `boot`); those are not the broadcast, so they are read away before the trigger
        List<String> greetings = new ArrayList<>();
        subscribers.forEach(s -> greetings.addAll(drainGreetings(s)));
        trigger(ctx);
        List<String> first = subscribers.get(0).next(m -> true, "the triggered event at the first subscriber",
                eventWait(ctx)).raw();
        for (int i = 1; i < count; i++) {
            subscribers.get(i).next(m -> m.raw().equals(first), "the event the first subscriber got ("
                    + String.join("|", first) + ") at subscriber " + (i + 1) + " of " + count + " (greetings read "
                    + "before the trigger: " + greetings + ")", eventWait(ctx));
        }
    }

    @Needs(routes = "events-trigger", limits = "maxSseSubscribers")
    @Check("SSE-03")
    void vanishedSubscriberDoesNotDisturbTheOthers(CheckContext ctx) {
        assumeThat(ctx.limit("maxSseSubscribers")).as("profile %s states a cap of %d subscriber(s): two cannot be "
                + "subscribed at once", ctx.profile().name(), ctx.limit("maxSseSubscribers")).isGreaterThanOrEqualTo(2);
        SseReader stays = subscribe(ctx);
        SseReader leaves = subscribe(ctx);
        trigger(ctx);
        stays.next(m -> true, "an event before the other subscriber left", eventWait(ctx));
        leaves.leave();
        for (int i = 1; i <= 3; i++) {
            trigger(ctx);
            stays.next(m -> true, "event " + i + " after the other subscriber vanished", eventWait(ctx));
        }
    }

    @Needs(limits = "maxSseSubscribers")
    @Check("SSE-03")
    @CountsConnections
    void vanishedSubscribersAreDropped(CheckContext ctx) {
        int cap = (int) ctx.limit("maxSseSubscribers");
        for (int round = 1; round <= 3; round++) {
            List<SseReader> all = new ArrayList<>();
            for (int i = 0; i < cap; i++) {
                all.add(subscribe(ctx));
            }
            all.forEach(SseReader::leave);
            ctx.note("round " + round + ": " + cap + " subscribers joined and vanished");
        }
        Answers.expectStatus(ctx, subscribe(ctx).head(), "GET " + path(ctx) + " after 3 rounds of " + cap
                + " subscribers that vanished (RST)", 200);
    }

    @Needs(limits = "maxSseSubscribers")
    @Check("SSE-04")
    @CountsConnections
    void subscriberOverTheCapGets503(CheckContext ctx) {
        int cap = (int) ctx.limit("maxSseSubscribers");
        for (int i = 0; i < cap; i++) {
            Answers.expectStatus(ctx, subscribe(ctx).head(), "GET " + path(ctx) + " (subscriber " + (i + 1) + " of "
                    + cap + ")", 200);
        }
        HttpReply extra;
        String what = "GET " + path(ctx) + " (subscriber " + (cap + 1) + " over a cap of " + cap + ")";
        try (RawConnection c = ctx.raw().open()) {
            // the head is enough: a stream accepted over the cap would never end
            extra = Answers.read(ctx, c.send(Requests.get(ctx, path(ctx), "Accept: text/event-stream")), what, "503",
                    true);
        }
        Answers.expectStatus(ctx, extra, what, 503);
    }

    @Needs(limits = "maxSseSubscribers")
    @Check("SSE-04")
    @CountsConnections
    void slotFreesWhenASubscriberLeaves(CheckContext ctx) {
        int cap = (int) ctx.limit("maxSseSubscribers");
        List<SseReader> all = new ArrayList<>();
        for (int i = 0; i < cap; i++) {
            all.add(subscribe(ctx));
        }
        String what = "GET " + path(ctx) + " (subscriber " + (cap + 1) + " over a cap of " + cap + ")";
        try (RawConnection c = ctx.raw().open()) {
            Answers.expectStatus(ctx, Answers.read(ctx, c.send(Requests.get(ctx, path(ctx))), what, "503", true), what,
                    503);
        }
        all.get(0).leave();
        Answers.expectStatus(ctx, subscribe(ctx).head(), "GET " + path(ctx) + " once one of " + cap
                + " subscribers left (RST)", 200);
    }

    /** ROB over SSE: subscribers that join and vanish at once, over and over, never take the server down. */
    @Needs(routes = "index")
    @Check("ROB-01")
    void subscriberChurnLeavesTheServerAnswering(CheckContext ctx) {
        assumeThat(ctx.profile().claims("SSE")).as("profile %s does not claim SSE: no event stream to churn",
                ctx.profile().name()).isTrue();
        Baseline baseline = Baseline.of(ctx);
        for (int i = 0; i < 30; i++) {
            RawConnection c = ctx.raw().open();
            c.send(Requests.get(ctx, path(ctx), "Accept: text/event-stream"));
            c.close(i % 2 == 0);
        }
        ctx.note("30 subscribers sent their request and vanished at once (every other one with a reset)");
        // subscribers that got a slot hold it until the server notices they left (a write fails)
        baseline.assertStillAnswers(ctx, Waits.recoveryAfterIdleTimeout(ctx).plus(Duration.ofSeconds(5)));
        Answers.expectStatus(ctx, subscribe(ctx).head(), "GET " + path(ctx) + " after 30 subscribers that vanished at once",
                200);
    }

    /** Publishes on a fresh connection: a pooled one may be the one the busy server just closed. */
    private static HttpReply publish(CheckContext ctx, String route, String json) {
        return BusyRetry.untilNot503(ctx, "POST " + route,
                () -> Exchange.once(ctx, Requests.json(ctx, "POST", route, json)));
    }

    static String path(CheckContext ctx) {
        return ctx.route("events");
    }

    /** Calls the {@code events-trigger} route, which makes the server send an event. */
    /** Events a subscriber got before anything was triggered (none within a short quiet spell ends it). */
    private static List<String> drainGreetings(SseReader subscriber) {
        List<String> greetings = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            try {
                greetings.add(String.join("|", subscriber.next(GREETING_QUIET).raw()));
            } catch (AssertionError quiet) {
                break;
            }
        }
        return greetings;
    }

    static void trigger(CheckContext ctx) {
        String trigger = ctx.route("events-trigger");
        HttpReply reply = BusyRetry.untilNot503(ctx, "GET " + trigger,
                () -> Exchange.once(ctx, Requests.get(ctx, trigger)));
        Answers.expectStatusBetween(ctx, reply, String.format("GET %s (the events trigger)", trigger), 200, 299);
    }

    /** Toggles the LED through the board API and returns its answer's data. */
    static JsonNode toggleLed(CheckContext ctx) {
        // a fresh connection: with subscribers holding most client slots, a pooled one may have been closed
        String toggle = BoardRoutes.led(ctx) + "/toggle";
        HttpReply reply = BusyRetry.untilNot503(ctx, "GET " + toggle,
                () -> Exchange.once(ctx, Requests.get(ctx, toggle)));
        Answers.expectStatus(ctx, reply, String.format("GET %s/toggle", BoardRoutes.led(ctx)), 200);
        return reply.json().path("data");
    }

    private static boolean isPinEvent(SseMessage m, int pin) {
        if (!m.event().equals("pin")) {
            return false;
        }
        try {
            return Json.parse(m.data()).path("pin").asInt(-1) == pin;
        } catch (AssertionError e) {
            return false;
        }
    }

    /** How long an event may take to reach a subscriber. */
    private static Duration eventWait(CheckContext ctx) {
        return Waits.reply(ctx);
    }

    /**
     * Subscribes, retrying while the stream answers 503: subscribers of earlier checks that just
     * left may still hold their slots until the server notices they are gone (SSE-03 drops them).
     */
    static SseReader subscribe(CheckContext ctx) {
        SseReader[] joined = new SseReader[1];
        await("[" + ctx.targetName() + "] a subscriber slot on " + path(ctx) + " (not 503)")
                .atMost(BusyRetry.slotWait(ctx)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    SseReader s = SseReader.subscribe(ctx, path(ctx));
                    if (s.head().status() == 503) {
                        s.leave();
                        return false;
                    }
                    joined[0] = s;
                    return true;
                });
        return joined[0];
    }
}
