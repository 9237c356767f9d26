package io.uconform.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.checks.ChunkChecks;
import io.uconform.checks.KeepAliveChecks;
import io.uconform.checks.LimitChecks;
import io.uconform.checks.NowaitApiChecks;
import io.uconform.checks.NowaitChecks;
import io.uconform.checks.ProtocolChecks;
import io.uconform.checks.SseChecks;
import io.uconform.checks.WebSocketChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite's verdicts on servers written the ways third-party MicroPython servers are
 * ({@link OtherServer}), through the {@code url} target with a profile bound to their routes: for
 * each kind of behaviour, exactly which checks fail (the rest pass or skip with their reason).
 */
class OtherServersTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void warmUp() {
        ClientWarmUp.once();
    }

    private static final String LIM04_SILENT = "LimitChecks.otherClientsAreServedWhileOneSendsNothing";
    private static final String LIM04_SLOW_HEAD = "LimitChecks.otherClientsAreServedDuringASlowHead";
    private static final String LIM04_TRICKLE = "LimitChecks.tricklingHeadersAreDroppedAfterHeaderTimeout";
    private static final String LIM04_INCOMPLETE = "LimitChecks.incompleteRequestLineIsDroppedAfterHeaderTimeout";
    private static final String LIM06_MISSING = "LimitChecks.finalStatusFirstForAMissingRoute";

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void blockingSingleConnectionServerBlocksOthersBesideASilentOrSlowClient() throws IOException {
        SuiteRun run = run(OtherServer.Kind.BLOCKING_SINGLE, List.of(LimitChecks.class), "[\"LIM\"]",
                "\"index\":\"/\",\"missing\":\"/no-such-route\"", "\"headerTimeoutMs\":2000", "{}");

        // LIM-06: it reads the declared body before routing, so a missing route's final status never comes first
        assertThat(failed(run)).containsExactlyInAnyOrder(LIM04_SILENT, LIM04_SLOW_HEAD, LIM04_TRICKLE, LIM06_MISSING);
        assertThat(passed(run)).containsExactly(LIM04_INCOMPLETE);
        assertThat(message(run, LIM04_SILENT)).contains("beside a client connected that sends nothing")
                .contains("(LIM-04)").doesNotContain("\n");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void serverWithoutReadTimeoutsIsBlockedByASilentClientAndNeverDropsAnIncompleteHead() throws IOException {
        SuiteRun run = run(OtherServer.Kind.SILENT_BLOCKS, List.of(LimitChecks.class), "[\"LIM\"]",
                "\"index\":\"/\",\"missing\":\"/no-such-route\"", "\"headerTimeoutMs\":2000", "{}");

        assertThat(failed(run)).containsExactlyInAnyOrder(LIM04_SILENT, LIM04_SLOW_HEAD, LIM04_TRICKLE,
                LIM04_INCOMPLETE, LIM06_MISSING);
        assertThat(message(run, LIM04_INCOMPLETE)).contains("still open after").contains("LIM-04)");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void alwaysCloseServerFailsPersistenceAndPipeliningOnly() throws IOException {
        SuiteRun run = run(OtherServer.Kind.ALWAYS_CLOSE, List.of(KeepAliveChecks.class), "[\"KA\"]",
                "\"index\":\"/\",\"data\":\"/\",\"json\":\"/echo\",\"missing\":\"/no-such-route\"",
                "\"keepAliveIdleMs\":4000", "{}");

        assertThat(failed(run)).containsExactlyInAnyOrder(
                "KeepAliveChecks.secondRequestOnOneConnectionIsAnswered",
                "KeepAliveChecks.fiveRequestsOnOneConnectionAreAnswered",
                "KeepAliveChecks.connectionSurvivesAnErrorStatus",
                "KeepAliveChecks.connectionSurvivesARequestWithABody",
                "KeepAliveChecks.http10KeepAliveStaysOpen",
                "KeepAliveChecks.http10KeepAliveInAListStaysOpen",
                "KeepAliveChecks.pipelinedRequestsAreAnsweredInOrder",
                "KeepAliveChecks.pipelinedEchoesKeepTheirOrder",
                "KeepAliveChecks.pipelinedBatchEndingWithCloseIsAnsweredThenClosed",
                "KeepAliveChecks.requestsSplitAcrossPipelinedWritesAreAnsweredInOrder");
        assertThat(passed(run)).contains("KeepAliveChecks.keepAliveBesideCloseStillCloses",
                "KeepAliveChecks.connectionCloseRequestClosesAfterResponse");
        assertThat(skipped(run)).containsEntry("KeepAliveChecks.lastAllowedRequestCarriesCloseAndCloses",
                "org.opentest4j.TestAbortedException: profile other-ALWAYS_CLOSE states no limit 'maxRequestsPerConnection' (the check judges the server "
                        + "against its own, never the reference's)");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void alwaysCloseServerCannotHaveItsClientSlotsHeldSoLim05Skips() throws IOException {
        SuiteRun run = run(OtherServer.Kind.ALWAYS_CLOSE, List.of(LimitChecks.class), "[\"LIM\"]",
                "\"index\":\"/\",\"data\":\"/\",\"json\":\"/echo\",\"missing\":\"/no-such-route\"",
                "\"maxClients\":3,\"headerTimeoutMs\":2000", "{}");

        assertThat(failed(run)).doesNotContain("LimitChecks.extraClientGets503OrWaitsForAFreeSlot",
                "LimitChecks.serverRecoversWhenClientsLeave");
        String reason = "the server closes the connection after each response (KA-01 judges that): client slots cannot "
                + "be held with open connections";
        assertThat(skipped(run)).hasEntrySatisfying("LimitChecks.extraClientGets503OrWaitsForAFreeSlot",
                r -> assertThat(r).endsWith(reason)).hasEntrySatisfying("LimitChecks.serverRecoversWhenClientsLeave",
                r -> assertThat(r).endsWith(reason));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void notImplementedOnChunkedPassesTheBodyLimitAndFailsChunkedDecoding() throws IOException {
        SuiteRun run = run(OtherServer.Kind.CHUNKED_501, List.of(LimitChecks.class, ChunkChecks.class),
                "[\"LIM\",\"CHUNK\"]", "\"index\":\"/\",\"json\":\"/echo\",\"missing\":\"/no-such-route\"",
                "\"headerTimeoutMs\":2000,\"bodyTimeoutMs\":2000,\"maxBodyBytes\":" + OtherServer.MAX_BODY,
                "{\"LIM-06\":\"the fixture does not implement Expect: 100-continue\"}");

        // LIM-07: its 2 s timeout is per recv, so a body trickled a byte at a time is never dropped
        assertThat(failed(run)).containsExactlyInAnyOrder(LIM04_TRICKLE,
                "LimitChecks.trickledBodyIsDroppedAfterTheBodyTimeout", "ChunkChecks.chunkedBodyIsDecoded", "ChunkChecks.chunkExtensionsAreIgnored",
                "ChunkChecks.upperCaseHexAndOneByteChunks", "ChunkChecks.trailersAreConsumedBeforeTheNextRequest");
        assertThat(passed(run)).contains("LimitChecks.chunkedBodyOverTheLimitIs413",
                "LimitChecks.bodyOverTheLimitIs413ThenClose", "LimitChecks.bodyAtTheLimitIsServed", LIM04_SILENT,
                LIM04_INCOMPLETE);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void serverAnsweringIncompleteRequestsFailsTheHeaderTimeoutAndSplitRequestChecksEveryTime() throws IOException {
        SuiteRun run = run(OtherServer.Kind.ECHO_ON_INCOMPLETE, List.of(LimitChecks.class, ProtocolChecks.class),
                "[\"LIM\",\"PROTO\"]", "\"index\":\"/\",\"data\":\"/\",\"missing\":\"/no-such-route\"",
                "\"headerTimeoutMs\":2000", "{}");

        assertThat(failed(run)).containsExactlyInAnyOrder(LIM04_INCOMPLETE, LIM04_TRICKLE,
                "ProtocolChecks.headOfIndexHasGetHeadersAndNoBody", "ProtocolChecks.headOfDataRouteHasGetHeadersAndNoBody",
                "ProtocolChecks.headOfMissingRouteHasGetHeadersAndNoBody", "ProtocolChecks.requestLineOneByteAtATime",
                "ProtocolChecks.headersOneByteAtATime", "ProtocolChecks.crAndLfInSeparateSegments",
                "ProtocolChecks.segmentsPacedInTime");
        assertThat(message(run, LIM04_INCOMPLETE)).contains("answered 'HTTP/1.1 200 OK'")
                .contains("before the request was complete").contains("(LIM-04)");
        assertThat(message(run, "ProtocolChecks.headOfIndexHasGetHeadersAndNoBody"))
                .contains("HEAD /: the response carried a").contains("a HEAD response has none (PROTO-03)");
        assertThat(message(run, "ProtocolChecks.requestLineOneByteAtATime")).contains("after the first 1 of");
    }

    /** How a failure's message starts in the run's outcomes (the error's class, then its message). */
    private static final String FAILED = "java.lang.AssertionError: ";
    private static final String WS_ROUTES = "\"index\":\"/\",\"ws\":\"/ws\"";

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void naiveWebSocketPassesTheCommonPathAndFailsEveryValidationInOneLine() throws IOException {
        SuiteRun run = run(OtherServer.Kind.NAIVE_STREAMS, List.of(WebSocketChecks.class), "[\"WS\"]", WS_ROUTES,
                "", "{}");

        assertThat(failed(run)).containsExactlyInAnyOrder(
                "WebSocketChecks.upgradeWithoutKeyGets400AndTheServerStaysUp",
                "WebSocketChecks.unsupportedVersionGets400AndTheServerStaysUp",
                "WebSocketChecks.malformedKeyGets400AndTheServerStaysUp",
                "WebSocketChecks.unmaskedClientFrameCloses1002", "WebSocketChecks.rsvBitsClose1002",
                "WebSocketChecks.reservedDataOpcodeCloses1002", "WebSocketChecks.reservedControlOpcodeCloses1002",
                "WebSocketChecks.controlFrameOver125BytesCloses1002", "WebSocketChecks.fragmentedControlFrameCloses1002",
                "WebSocketChecks.invalidUtf8TextCloses1007", "WebSocketChecks.encodedSurrogateCloses1007",
                "WebSocketChecks.truncatedSequenceAcrossFragmentsCloses1007");
        // fragments echoed one by one, the PONG between them, are a conforming answer (RFC 6455 5.4)
        assertThat(passed(run)).contains("WebSocketChecks.validUpgradeGets101WithTheAcceptOfItsKey",
                "WebSocketChecks.largeMessagesUseEveryLengthEncoding",
                "WebSocketChecks.pingBetweenTextFragmentsDoesNotCorruptTheMessage",
                "WebSocketChecks.pingAndUnsolicitedPongBetweenBinaryFragments",
                "WebSocketChecks.closeIsEchoedWithItsCodeThenTcpCloses", "WebSocketChecks.validUpgradeWorksAfterBadOnes");
        assertThat(message(run, "WebSocketChecks.upgradeWithoutKeyGets400AndTheServerStaysUp")).isEqualTo(FAILED
                + "GET /ws (an upgrade without Sec-WebSocket-Key): answered 'HTTP/1.1 101 Switching Protocols'; expected 400 (WS-02)");
        assertThat(message(run, "WebSocketChecks.rsvBitsClose1002")).isEqualTo(FAILED + "on /ws, after a text frame with RSV1 "
                + "set (no extension negotiated): the server sent a TEXT frame (RSV 4, 4 bytes 'rsv1'); expected CLOSE "
                + "1002, then the TCP close (WS-05)");
        assertThat(message(run, "WebSocketChecks.reservedDataOpcodeCloses1002"))
                .contains("after a frame with the reserved data opcode 0x3: the server sent a reserved opcode 0x3 frame (1 byte 78)");
        assertThat(message(run, "WebSocketChecks.invalidUtf8TextCloses1007"))
                .contains("the server sent a TEXT frame (4 bytes 6F 6B C3 28)").endsWith("expected CLOSE 1007, then the TCP close (WS-06)");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void naiveEventStreamFailsCachingMultiLineDataAndTheCapInOneLine() throws IOException {
        SuiteRun run = run(OtherServer.Kind.NAIVE_STREAMS, List.of(SseChecks.class), "[\"SSE\"]",
                "\"index\":\"/\",\"events\":\"/events\",\"events-trigger\":\"/events/trigger\","
                        + "\"events-publish\":\"/events/publish\"", "\"maxSseSubscribers\":2", "{}");

        assertThat(failed(run)).containsExactlyInAnyOrder("SseChecks.subscriptionIsNotCached",
                "SseChecks.multiLineDataBecomesRepeatedDataLines", "SseChecks.subscriberOverTheCapGets503",
                "SseChecks.slotFreesWhenASubscriberLeaves");
        assertThat(passed(run)).contains("SseChecks.subscriptionIsAnEventStreamWithoutLength",
                "SseChecks.streamStaysOpenAndDeliversAfterTheHead", "SseChecks.eventsEndWithABlankLine",
                "SseChecks.broadcastReachesEverySubscriber", "SseChecks.vanishedSubscriberDoesNotDisturbTheOthers");
        assertThat(message(run, "SseChecks.subscriptionIsNotCached")).isEqualTo(FAILED + "GET /events (Accept: "
                + "text/event-stream): 'HTTP/1.1 200 OK' with no Cache-Control; expected Cache-Control: no-cache (SSE-01)");
        assertThat(message(run, "SseChecks.subscriberOverTheCapGets503")).isEqualTo(FAILED + "GET /events (subscriber 3 "
                + "over a cap of 2): answered 'HTTP/1.1 200 OK' (Content-Type: text/event-stream); expected 503 (SSE-04)");
        assertThat(message(run, "SseChecks.multiLineDataBecomesRepeatedDataLines"))
                .contains("the event came as 'event: note|data: first line|second: line|third'").endsWith("(SSE-02)");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void queryReadWithoutDecodingFailsProto05InOneLine() throws IOException {
        SuiteRun run = run(OtherServer.Kind.NAIVE_STREAMS, List.of(ProtocolChecks.class), "[\"PROTO\"]",
                "\"index\":\"/\",\"query\":\"/query\"", "", "{}");

        assertThat(failed(run)).containsExactlyInAnyOrder("ProtocolChecks.plusInQueryIsSpaceAndRepeatedKeysAreKept",
                "ProtocolChecks.queryIsPercentDecoded");
        assertThat(message(run, "ProtocolChecks.plusInQueryIsSpaceAndRepeatedKeysAreKept")).isEqualTo(FAILED
                + "GET /query?a=x+y&b=1&b=2: the parsed query came back as {\"a\":[\"x+y\"],\"b\":[\"1\",\"2\"]}; "
                        + "expected {\"a\":[\"x y\"],\"b\":[\"1\",\"2\"]} ('+' read as a space, both values of b kept) (PROTO-05)");
        assertThat(message(run, "ProtocolChecks.queryIsPercentDecoded")).contains("{\"k%20ey\":[\"%C3%A9t%C3%A9%2B%26\"]}")
                .endsWith("(the name and the value percent-decoded as UTF-8) (PROTO-05)");
    }

    private static final java.util.concurrent.atomic.AtomicInteger PROFILES = new java.util.concurrent.atomic.AtomicInteger();
    private static final String NOWAIT_ROUTES = "\"index\":\"/\",\"nowait\":\"/work\",\"nowait-state\":\"/work/runs\"";
    private static final String NOWAIT_PARAMS = "\"nowaitWorkMs\":\"" + OtherServer.WORK_MS + "\"";

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void backgroundWorkWithAVisibleEffectPassesNowaitOnUrl() throws IOException {
        SuiteRun run = run(OtherServer.Kind.CHUNKED_501, List.of(NowaitChecks.class, NowaitApiChecks.class), "[\"NOWAIT\"]",
                NOWAIT_ROUTES, "", "{}", NOWAIT_PARAMS);

        assertThat(failed(run)).isEmpty();
        assertThat(passed(run)).containsExactlyInAnyOrder("NowaitApiChecks.answersNullSoonerThanItsWorkTakes",
                "NowaitApiChecks.effectShowsLaterOnTheStateRoute", "NowaitApiChecks.otherRequestsAreServedWhileTheWorkRuns");
        // the pin-level NOWAIT checks watch the LED on a board probe: without its pin they skip, saying so
        assertThat(skipped(run).keySet()).isNotEmpty().allMatch(check -> check.startsWith("NowaitChecks."));
        assertThat(skipped(run).values()).allMatch(reason -> reason.contains("no parameter 'ledPin'"));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void backgroundRouteThatWaitsForItsWorkFailsNowaitInOneLine() throws IOException {
        SuiteRun run = run(OtherServer.Kind.WAITS_FOR_WORK, List.of(NowaitApiChecks.class), "[\"NOWAIT\"]",
                NOWAIT_ROUTES, "", "{}", NOWAIT_PARAMS);

        assertThat(failed(run)).containsExactly("NowaitApiChecks.answersNullSoonerThanItsWorkTakes");
        assertThat(message(run, "NowaitApiChecks.answersNullSoonerThanItsWorkTakes")).contains("GET /work")
                .contains("NOWAIT-01)");
    }

    private static SuiteRun run(OtherServer.Kind kind, List<Class<?>> classes, String groups, String routes,
                                String limits, String waivers) throws IOException {
        return run(kind, classes, groups, routes, limits, waivers, "");
    }

    private static SuiteRun run(OtherServer.Kind kind, List<Class<?>> classes, String groups, String routes,
                                String limits, String waivers, String params) throws IOException {
        Path profile = dir.resolve(kind + "-" + PROFILES.incrementAndGet() + ".json");
        Files.writeString(profile, "{\"name\":\"other-" + kind + "\",\"groups\":" + groups + ",\"routes\":{" + routes
                + "},\"limits\":{" + limits + "},\"waivers\":" + waivers + ",\"params\":{" + params + "}}");
        try (OtherServer server = new OtherServer(kind)) {
            SuiteRun run = SuiteRun.of(classes, Map.of("target", "url", "target.url", server.baseUri().toString(),
                    "profile", profile.toString()));
            return run;
        }
    }

    private static Set<String> failed(SuiteRun run) {
        assertOneLineInProtocolTerms(run);
        return run.failed().stream().map(SuiteRun.Outcome::check).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every failure of a check that reads a raw response is one line naming its requirement (issue 11, item 4). */
    private static void assertOneLineInProtocolTerms(SuiteRun run) {
        assertThat(run.failed()).as("failures of %s", run).allSatisfy(o -> assertThat(o.message())
                .as("message of %s", o.check()).doesNotContain("\n").contains(o.requirement() + ")")
                .doesNotContain("expected: ").doesNotContain("but was"));
    }

    private static Set<String> passed(SuiteRun run) {
        return run.passed().stream().map(SuiteRun.Outcome::check).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, String> skipped(SuiteRun run) {
        return run.notRun().stream().collect(Collectors.toMap(SuiteRun.Outcome::check, SuiteRun.Outcome::message,
                (a, b) -> a));
    }

    private static String message(SuiteRun run, String check) {
        return run.failed().stream().filter(o -> o.check().equals(check)).map(SuiteRun.Outcome::message)
                .findFirst().orElseThrow(() -> new AssertionError(check + " did not fail"));
    }
}
