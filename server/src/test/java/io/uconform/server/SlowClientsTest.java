package io.uconform.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.uconform.server.support.RawHttp;
import io.uconform.server.support.RawResponse;
import io.uconform.server.support.TestServers;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slow clients cannot take the server offline (issue 12.2): a body must be complete within the
 * body deadline (LIM-07); when every slot is held by a client still sending its request, the
 * oldest is dropped for a newcomer (ROB-04); when no slot can be freed, the newcomer gets 503 at
 * once (LIM-09), however many arrive. Each test runs its own server, so that no connection left by
 * another test frees a slot first.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SlowClientsTest {

    private static final Duration PACE = Duration.ofMillis(100);

    @Test
    void aTrickledBodyGets408WithinTheBodyDeadline() throws Exception {
        ServerLimits limits = TestServers.quickLimits().withBodyTimeout(Duration.ofMillis(800));
        try (ReferenceServer server = TestServers.start(limits);
             RawHttp slow = RawHttp.connect(server.port())) {
            slow.send("POST /text HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n");
            long start = System.nanoTime();
            int sent = trickleUntilAnswered(slow, 100);
            RawResponse response = slow.read();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(response.status()).as("answer after %d of 100 body bytes, one per %s", sent, PACE).isEqualTo(408);
            assertThat(response.text()).contains("800 ms");
            assertThat(took).as("time to the 408 (body deadline 800 ms)").isLessThan(Duration.ofMillis(2000));
            assertThat(slow.closedByServer()).as("closed after the 408").isTrue();
        }
    }

    @Test
    void aBodyThatArrivesInTimeIsServedHoweverItIsSplit() throws Exception {
        ServerLimits limits = TestServers.quickLimits().withBodyTimeout(Duration.ofMillis(2000));
        try (ReferenceServer server = TestServers.start(limits);
             RawHttp http = RawHttp.connect(server.port())) {
            http.send("POST /text HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\n");
            int sent = trickleUntilAnswered(http, 4);
            assertThat(sent).isEqualTo(4);
            assertThat(http.read().text()).isEqualTo("{\"data\":4}");
        }
    }

    @Test
    void faultBodyDeadlinePerReadLetsATrickleRunOn() throws Exception {
        ServerLimits limits = TestServers.quickLimits().withBodyTimeout(Duration.ofMillis(500));
        try (ReferenceServer server = TestServers.start(limits, ServerFault.BODY_DEADLINE_PER_READ);
             RawHttp slow = RawHttp.connect(server.port())) {
            slow.send("POST /text HTTP/1.1\r\nHost: t\r\nContent-Length: 15\r\n\r\n");
            assertThat(trickleUntilAnswered(slow, 15)).as("bytes taken, one per %s, past the 500 ms deadline", PACE)
                    .isEqualTo(15);
            assertThat(slow.read().status()).isEqualTo(200);
        }
    }

    @Test
    void slowHeadsOnEverySlotDoNotLockOutANewClient() throws Exception {
        assertNewcomerServedWhileSlotsAreHeldBy("GET /led HTTP/1.1\r\nHost: t\r\nX-Slow: ");
    }

    @Test
    void slowBodiesOnEverySlotDoNotLockOutANewClient() throws Exception {
        assertNewcomerServedWhileSlotsAreHeldBy("POST /text HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\nfirst");
    }

    @Test
    void idleConnectionsAreDroppedBeforeUnfinishedOnes() throws Exception {
        try (ReferenceServer server = TestServers.start(ServerLimits.reference())) {
            List<RawHttp> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    clients.add(RawHttp.connect(server.port()).send("GET /led HTTP/1.1\r\nHost: t\r\nX-Slow: "));
                }
                for (int i = 0; i < 2; i++) {
                    RawHttp idle = RawHttp.connect(server.port());
                    clients.add(idle);
                    assertThat(idle.get("/led").read().status()).isEqualTo(200);
                }
                awaitAccepted(server, 4);
                // a connection is idle once its worker is back waiting for the next request, a moment
                // after the client has read the answer
                await("both answered connections idle on the server").atMost(Duration.ofSeconds(5))
                        .until(() -> server.stats().idleConnections() == 2);
                try (RawHttp newcomer = RawHttp.connect(server.port())) {
                    assertThat(newcomer.get("/led").read().status()).isEqualTo(200);
                }
                assertThat(server.stats().connectionsEvicted()).as("idle connections dropped").isEqualTo(1);
                assertThat(server.stats().unfinishedDropped()).as("unfinished requests dropped").isZero();
                assertThat(clients.get(2).timeout(Duration.ofSeconds(2)).closedByServer()).as("the longest idle")
                        .isTrue();
            } finally {
                closeAll(clients);
            }
        }
    }

    @Test
    void faultNoUnfinishedEvictionLocksOutTheNewcomer() throws Exception {
        try (ReferenceServer server = TestServers.start(ServerLimits.reference(), ServerFault.NO_UNFINISHED_EVICTION)) {
            List<RawHttp> holders = holdEverySlot(server, "GET /led HTTP/1.1\r\nHost: t\r\nX-Slow: ");
            try (RawHttp newcomer = RawHttp.connect(server.port())) {
                assertThat(newcomer.get("/led").read().status()).isEqualTo(503);
            } finally {
                closeAll(holders);
            }
        }
    }

    @Test
    void whenNoSlotCanBeFreedEveryExtraClientGets503AtOnce() throws Exception {
        assertThat(extrasAnswered(ServerLimits.reference()).toMillis()).as("ms until the last of 6 extra clients"
                + " had its 503, all 4 slots busy with handlers").isLessThan(1000);
    }

    @Test
    void faultAcceptorWaitsStallsTheExtraClients() throws Exception {
        assertThat(extrasAnswered(ServerLimits.reference(), ServerFault.ACCEPTOR_WAITS).toMillis())
                .as("ms until the last of 6 extra clients had its 503 (the acceptor waits 250 ms for each)")
                .isGreaterThanOrEqualTo(1250);
    }

    /** Four handlers block; six more clients arrive at once; returns when the last had its 503. */
    private static Duration extrasAnswered(ServerLimits limits, ServerFault... faults) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger handling = new AtomicInteger();
        App app = TestServers.app().route("/hold", Set.of("GET"), r -> {
            handling.incrementAndGet();
            return release.await(20, TimeUnit.SECONDS);
        });
        ServerOptions options = ServerOptions.defaults().withLimits(limits)
                .withFaults(faults.length == 0 ? Set.of() : Set.of(faults));
        List<RawHttp> clients = new ArrayList<>();
        try (ReferenceServer server = ReferenceServer.start(app, options)) {
            try {
                for (int i = 0; i < 4; i++) {
                    clients.add(RawHttp.connect(server.port()).get("/hold"));
                }
                await("4 handlers blocked").atMost(Duration.ofSeconds(5)).until(() -> handling.get() == 4);
                long start = System.nanoTime();
                List<RawHttp> extras = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    extras.add(RawHttp.connect(server.port()).timeout(Duration.ofSeconds(5)).get("/led"));
                }
                clients.addAll(extras);
                for (RawHttp extra : extras) {
                    assertThat(extra.read().status()).as("an extra client while 4 handlers hold every slot")
                            .isEqualTo(503);
                }
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                release.countDown();
                for (int i = 0; i < 4; i++) {
                    assertThat(clients.get(i).read().text()).as("a held request, never dropped").isEqualTo("{\"data\":true}");
                }
                return took;
            } finally {
                release.countDown();
                closeAll(clients);
            }
        }
    }

    private static void assertNewcomerServedWhileSlotsAreHeldBy(String partialRequest) throws Exception {
        try (ReferenceServer server = TestServers.start(ServerLimits.reference())) {
            List<RawHttp> holders = holdEverySlot(server, partialRequest);
            try {
                // a request younger than the grace (100 ms here) is not slow yet: until then a newcomer gets 503
                AtomicInteger refused = new AtomicInteger();
                await("a newcomer served while 4 slow clients hold every slot (header timeout 5 s)")
                        .atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(40)).until(() -> {
                            try (RawHttp newcomer = RawHttp.connect(server.port())) {
                                int status = newcomer.get("/led").read().status();
                                if (status == 503) {
                                    refused.incrementAndGet();
                                }
                                return status == 200;
                            }
                        });
                assertThat(holders.get(0).timeout(Duration.ofSeconds(2)).closedByServer()).as("the oldest slow client")
                        .isTrue();
                assertThat(holders.get(3).answeredWithin(Duration.ofMillis(100))).as("the newest slow client").isFalse();
                assertThat(server.stats().unfinishedDropped()).as("unfinished requests dropped (after %d refusals "
                        + "within the grace)", refused.get()).isEqualTo(1);
            } finally {
                closeAll(holders);
            }
        }
    }

    /** Four clients, oldest first, each with an unfinished request the server has accepted. */
    private static List<RawHttp> holdEverySlot(ReferenceServer server, String partialRequest) throws IOException {
        List<RawHttp> holders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            holders.add(RawHttp.connect(server.port()).send(partialRequest));
            awaitAccepted(server, i + 1);
        }
        return holders;
    }

    private static void awaitAccepted(ReferenceServer server, int count) {
        await(count + " connections accepted").atMost(Duration.ofSeconds(3))
                .until(() -> server.stats().connectionsAccepted() >= count);
    }

    /** Sends one byte per {@link #PACE} until the server answers or {@code max} were sent; returns the count sent. */
    private static int trickleUntilAnswered(RawHttp http, int max) throws IOException {
        int sent = 0;
        while (sent < max && !http.answeredWithin(PACE)) {
            http.send("x");
            sent++;
        }
        return sent;
    }

    private static void closeAll(List<RawHttp> clients) throws IOException {
        for (RawHttp client : clients) {
            client.close();
        }
    }

}
