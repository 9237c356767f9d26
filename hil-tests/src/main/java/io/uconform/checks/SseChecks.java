package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.uconform.checks.support.BoardRoutes;
import io.uconform.checks.support.Exchange;
import io.uconform.checks.support.Requests;
import io.uconform.checks.support.SseMessage;
import io.uconform.checks.support.SseReader;
import io.uconform.checks.support.Waits;
import io.uconform.client.HttpReply;
import io.uconform.client.Json;
import io.uconform.suite.Check;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * SSE: the event stream's head, the event format, broadcast to every subscriber and the
 * subscriber cap. Events are caused through the board API (an LED toggle is a {@code pin} event)
 * or, for multi-line data, through the profile's {@code events-publish} role.
 */
@ConformanceChecks
public class SseChecks {

    @Check("SSE-01")
    void subscriptionIsAnEventStreamWithoutLength(CheckContext ctx) {
        HttpReply head = subscribe(ctx).head();
        assertThat(head.status()).as("status of GET %s", path(ctx)).isEqualTo(200);
        assertThat(head.header("content-type")).as("Content-Type").hasValueSatisfying(
                v -> assertThat(v).startsWithIgnoringCase("text/event-stream"));
        assertThat(head.header("content-length")).as("Content-Length of an endless stream").isEmpty();
    }

    @Check("SSE-01")
    void subscriptionIsNotCached(CheckContext ctx) {
        HttpReply head = subscribe(ctx).head();
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("cache-control")).as("Cache-Control").hasValueSatisfying(
                v -> assertThat(v).containsIgnoringCase("no-cache"));
    }

    @Check("SSE-01")
    void streamStaysOpenAndDeliversAfterTheHead(CheckContext ctx) {
        SseReader sse = subscribe(ctx);
        assertThat(sse.head().status()).isEqualTo(200);
        toggleLed(ctx);
        SseMessage event = sse.next(m -> m.event().equals("pin"), "pin event after an LED toggle", eventWait(ctx));
        ctx.note("event after the head: " + event.raw());
    }

    @Check("SSE-02")
    void pinEventHasNameIdAndJsonData(CheckContext ctx) {
        SseReader sse = subscribe(ctx);
        int led = BoardRoutes.pin(ctx, "ledPin");
        toggleLed(ctx);
        SseMessage event = sse.next(m -> isPinEvent(m, led), "pin event for GPIO " + led, eventWait(ctx));
        assertThat(event.raw()).as("field lines of the event").anySatisfy(l -> assertThat(l).startsWith("event:"));
        assertThat(event.id()).as("id: of the event %s", event.raw()).matches("\\d+");
        JsonNode data = Json.parse(event.data());
        assertThat(data.path("pin").asInt()).isEqualTo(led);
        assertThat(data.path("value").asInt()).as("value in %s", event.data()).isBetween(0, 1);
        assertThat(data.has("t_ms")).as("t_ms in %s", event.data()).isTrue();
    }

    @Check("SSE-02")
    void idsIncreaseAndValuesFollowTheLed(CheckContext ctx) {
        SseReader sse = subscribe(ctx);
        int led = BoardRoutes.pin(ctx, "ledPin");
        JsonNode first = toggleLed(ctx);
        SseMessage a = sse.next(m -> isPinEvent(m, led), "first pin event", eventWait(ctx));
        JsonNode second = toggleLed(ctx);
        SseMessage b = sse.next(m -> isPinEvent(m, led), "second pin event", eventWait(ctx));
        assertThat(Long.parseLong(b.id())).as("ids %s then %s", a.id(), b.id()).isGreaterThan(Long.parseLong(a.id()));
        assertThat(Json.parse(a.data()).path("value").asInt()).isEqualTo(first.path("value").asInt());
        assertThat(Json.parse(b.data()).path("value").asInt()).isEqualTo(second.path("value").asInt());
    }

    @Check("SSE-02")
    void multiLineDataBecomesRepeatedDataLines(CheckContext ctx) {
        String publish = ctx.route("events-publish");
        SseReader sse = subscribe(ctx);
        HttpReply sent = publish(ctx, publish, "{\"event\":\"note\",\"data\":\"first line\\nsecond: line\\r\\nthird\"}");
        assertThat(sent.status()).as("publish through %s", publish).isEqualTo(200);
        SseMessage note = sse.next(m -> m.event().equals("note"), "the published note", eventWait(ctx));
        assertThat(note.dataLines()).as("data lines of %s", note.raw())
                .containsExactly("first line", "second: line", "third");
    }

    @Check("SSE-02")
    void eventsEndWithABlankLine(CheckContext ctx) {
        String publish = ctx.route("events-publish");
        SseReader sse = subscribe(ctx);
        for (int i = 1; i <= 3; i++) {
            assertThat(publish(ctx, publish, "{\"event\":\"note\",\"data\":\"n" + i + "\"}").status()).isEqualTo(200);
        }
        List<String> data = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            data.add(sse.next(m -> m.event().equals("note"), "note " + i, eventWait(ctx)).data());
        }
        assertThat(data).as("three events, each closed by a blank line").containsExactly("n1", "n2", "n3");
    }

    @Check("SSE-03")
    void broadcastReachesEverySubscriber(CheckContext ctx) {
        int led = BoardRoutes.pin(ctx, "ledPin");
        int count = Math.min(2, ctx.limits().maxSseSubscribers());
        List<SseReader> subscribers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            subscribers.add(subscribe(ctx));
        }
        toggleLed(ctx);
        List<String> ids = new ArrayList<>();
        for (SseReader s : subscribers) {
            ids.add(s.next(m -> isPinEvent(m, led), "pin event at every subscriber", eventWait(ctx)).id());
        }
        assertThat(ids).as("the same event (id) at each of %d subscribers", count).hasSize(count)
                .allMatch(id -> id.equals(ids.get(0)));
    }

    @Check("SSE-03")
    void vanishedSubscriberDoesNotDisturbTheOthers(CheckContext ctx) {
        int led = BoardRoutes.pin(ctx, "ledPin");
        SseReader stays = subscribe(ctx);
        SseReader leaves = subscribe(ctx);
        toggleLed(ctx);
        stays.next(m -> isPinEvent(m, led), "pin event before the other subscriber left", eventWait(ctx));
        leaves.leave();
        for (int i = 1; i <= 3; i++) {
            toggleLed(ctx);
            stays.next(m -> isPinEvent(m, led), "pin event " + i + " after the other subscriber vanished",
                    eventWait(ctx));
        }
    }

    @Check("SSE-03")
    void vanishedSubscribersAreDropped(CheckContext ctx) {
        int cap = ctx.limits().maxSseSubscribers();
        for (int round = 1; round <= 3; round++) {
            List<SseReader> all = new ArrayList<>();
            for (int i = 0; i < cap; i++) {
                all.add(subscribe(ctx));
            }
            all.forEach(SseReader::leave);
            ctx.note("round " + round + ": " + cap + " subscribers joined and vanished");
        }
        assertThat(subscribe(ctx).head().status()).as("a subscriber after 3 rounds of vanished ones").isEqualTo(200);
    }

    @Check("SSE-04")
    void subscriberOverTheCapGets503(CheckContext ctx) {
        int cap = ctx.limits().maxSseSubscribers();
        for (int i = 0; i < cap; i++) {
            assertThat(subscribe(ctx).head().status()).as("subscriber %d of %d", i + 1, cap)
                    .isEqualTo(200);
        }
        HttpReply extra = Exchange.once(ctx, Requests.get(ctx, path(ctx), "Accept: text/event-stream"));
        assertThat(extra.status()).as("subscriber %d over a cap of %d", cap + 1, cap).isEqualTo(503);
    }

    @Check("SSE-04")
    void slotFreesWhenASubscriberLeaves(CheckContext ctx) {
        int cap = ctx.limits().maxSseSubscribers();
        List<SseReader> all = new ArrayList<>();
        for (int i = 0; i < cap; i++) {
            all.add(subscribe(ctx));
        }
        assertThat(Exchange.once(ctx, Requests.get(ctx, path(ctx))).status()).as("over the cap").isEqualTo(503);
        all.get(0).leave();
        assertThat(subscribe(ctx).head().status()).as("a new subscriber once one left").isEqualTo(200);
    }

    /** Publishes on a fresh connection: a pooled one may be the one the busy server just closed. */
    private static HttpReply publish(CheckContext ctx, String route, String json) {
        return Exchange.once(ctx, Requests.json(ctx, "POST", route, json));
    }

    static String path(CheckContext ctx) {
        return ctx.profile().route("events").orElse("/events");
    }

    /** Toggles the LED through the board API and returns its answer's data. */
    static JsonNode toggleLed(CheckContext ctx) {
        // a fresh connection: with subscribers holding most client slots, a pooled one may have been closed
        HttpReply reply = Exchange.once(ctx, Requests.get(ctx, BoardRoutes.led(ctx) + "/toggle"));
        assertThat(reply.status()).as("GET %s/toggle", BoardRoutes.led(ctx)).isEqualTo(200);
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
                .atMost(Waits.afterIdleTimeout(ctx).plus(Duration.ofSeconds(5))).pollInterval(Duration.ofMillis(200))
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
