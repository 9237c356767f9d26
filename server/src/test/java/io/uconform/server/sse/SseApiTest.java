package io.uconform.server.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.uconform.server.App;
import io.uconform.server.ReferenceServer;
import io.uconform.server.ServerFault;
import io.uconform.server.ServerLimits;
import io.uconform.server.ServerOptions;
import io.uconform.server.support.RawHttp;
import io.uconform.server.support.RawResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SseApiTest {

    private EventHub hub;

    private ReferenceServer start(ServerFault... faults) {
        ServerOptions options = ServerOptions.defaults()
                .withLimits(ServerLimits.reference().withMaxClients(8))
                .withFaults(faults.length == 0 ? Set.of() : EnumSet.of(faults[0], faults));
        hub = new EventHub(options);
        App app = new App("sse-test");
        SseApi.install(app, "/events", hub, "events");
        SseApi.installPublisher(app, "/events/publish", hub, "events");
        return ReferenceServer.start(app, options);
    }

    @Test
    void subscriptionHeadIsAnEventStreamWithoutLength() throws Exception {
        try (ReferenceServer server = start(); SseTestReader sse = SseTestReader.subscribe(server.port(), "/events")) {
            assertThat(sse.head.status()).isEqualTo(200);
            assertThat(sse.head.header("content-type")).startsWith("text/event-stream");
            assertThat(sse.head.header("cache-control")).isEqualTo("no-cache");
            assertThat(sse.head.header("content-length")).isNull();
        }
    }

    @Test
    void eventsHaveNameIdAndOneDataLinePerLine() throws Exception {
        try (ReferenceServer server = start(); SseTestReader sse = SseTestReader.subscribe(server.port(), "/events")) {
            await("subscriber registered").atMost(Duration.ofSeconds(3))
                    .until(() -> hub.stream("events").subscriberCount() == 1);
            hub.publish("events", "note", "one\ntwo\r\nthree");
            assertThat(sse.nextEvent()).isEqualTo("event: note\nid: 1\ndata: one\ndata: two\ndata: three");
        }
    }

    @Test
    void publisherRoutePublishesJsonBodies() throws Exception {
        try (ReferenceServer server = start(); SseTestReader sse = SseTestReader.subscribe(server.port(), "/events")) {
            await("subscriber registered").atMost(Duration.ofSeconds(3))
                    .until(() -> hub.stream("events").subscriberCount() == 1);
            try (RawHttp http = RawHttp.connect(server.port())) {
                String body = "{\"event\":\"note\",\"data\":\"a\\nb\"}";
                http.send("POST /events/publish HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body);
                assertThat(http.read().text()).isEqualTo("{\"data\":{\"id\":1,\"subscribers\":1}}");
            }
            assertThat(sse.nextEvent()).isEqualTo("event: note\nid: 1\ndata: a\ndata: b");
        }
    }

    @Test
    void broadcastReachesEverySubscriberAndADeadOneIsDropped() throws Exception {
        try (ReferenceServer server = start();
             SseTestReader a = SseTestReader.subscribe(server.port(), "/events");
             SseTestReader b = SseTestReader.subscribe(server.port(), "/events");
             SseTestReader c = SseTestReader.subscribe(server.port(), "/events")) {
            EventStream stream = hub.stream("events");
            await("three subscribers").atMost(Duration.ofSeconds(3)).until(() -> stream.subscriberCount() == 3);
            hub.publish("events", "x", "1");
            assertThat(a.nextEvent()).endsWith("data: 1");
            assertThat(b.nextEvent()).endsWith("data: 1");
            assertThat(c.nextEvent()).endsWith("data: 1");
            b.abort();
            await("dead subscriber dropped").atMost(Duration.ofSeconds(10)).until(() -> stream.subscriberCount() == 2);
            hub.publish("events", "x", "2");
            assertThat(a.nextEvent()).endsWith("data: 2");
            assertThat(c.nextEvent()).endsWith("data: 2");
        }
    }

    @Test
    void subscriberBeyondTheCapGets503AndASlotFreesWhenOneLeaves() throws Exception {
        try (ReferenceServer server = start();
             SseTestReader a = SseTestReader.subscribe(server.port(), "/events");
             SseTestReader b = SseTestReader.subscribe(server.port(), "/events");
             SseTestReader c = SseTestReader.subscribe(server.port(), "/events")) {
            try (RawHttp extra = RawHttp.connect(server.port())) {
                RawResponse refused = extra.get("/events").read();
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.text()).contains("maximum of 3");
            }
            a.abort();
            await("slot freed").atMost(Duration.ofSeconds(10)).until(() -> hub.stream("events").subscriberCount() == 2);
            try (SseTestReader d = SseTestReader.subscribe(server.port(), "/events")) {
                assertThat(d.head.status()).isEqualTo(200);
            }
        }
    }

    @Test
    void faultsChangeTheStream() throws Exception {
        try (ReferenceServer server = start(ServerFault.SSE_NO_CACHE_CONTROL, ServerFault.SSE_MULTILINE_DATA_UNSPLIT);
             SseTestReader sse = SseTestReader.subscribe(server.port(), "/events")) {
            assertThat(sse.head.header("cache-control")).isNull();
            await("subscriber registered").atMost(Duration.ofSeconds(3))
                    .until(() -> hub.stream("events").subscriberCount() == 1);
            hub.publish("events", "note", "one\ntwo");
            assertThat(sse.nextEvent()).isEqualTo("event: note\nid: 1\ndata: one\ntwo");
        }
    }

    @Test
    void faultNewestOnlyStarvesOlderSubscribers() throws Exception {
        try (ReferenceServer server = start(ServerFault.SSE_NEWEST_SUBSCRIBER_ONLY);
             SseTestReader a = SseTestReader.subscribe(server.port(), "/events");
             SseTestReader b = SseTestReader.subscribe(server.port(), "/events")) {
            await("two subscribers").atMost(Duration.ofSeconds(3))
                    .until(() -> hub.stream("events").subscriberCount() == 2);
            hub.publish("events", "x", "1");
            hub.publish("events", "x", "2");
            assertThat(b.nextEvent()).endsWith("data: 1");
            assertThat(hub.stream("events").subscriberCount()).isEqualTo(2);
        }
    }
}
