package io.uconform.kind.replay;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.uconform.console.Console;
import io.uconform.probe.BoardProbe;
import io.uconform.profile.Limits;
import io.uconform.record.RecordedCheck;
import io.uconform.record.RecordedRun;
import io.uconform.record.ReplayGate;
import io.uconform.spi.Readiness;
import io.uconform.spi.RunningTarget;
import io.uconform.spi.Target;
import io.uconform.spi.TargetException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A recording served by an in-process WireMock on {@code 127.0.0.1}, port 0. It reports the
 * recorded target's facts and limits, so that checks size their requests as they did; it has no
 * console and no pins. Not restartable (nothing to wedge).
 */
final class ReplayTarget implements Target, ReplayGate {

    private final ReplayOptions options;
    private final RecordedRun recording;
    /** Below every recorded stub (WireMock's default priority is 5; larger is lower). */
    private static final int UNRECORDED_PRIORITY = 1000;
    static final Readiness READINESS = Readiness.http("/").forAnyStatus().withTimeout(Duration.ofSeconds(10));
    private WireMockServer server;
    private java.util.UUID unrecorded;
    private RunningTarget running;

    ReplayTarget(ReplayOptions options, RecordedRun recording) {
        this.options = options;
        this.recording = recording;
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public synchronized RunningTarget start() {
        if (running != null) {
            return running;
        }
        WireMockServer started = new WireMockServer(options().bindAddress("127.0.0.1").port(0)
                .usingFilesUnderDirectory(options.dir().toString()).notifier(new Slf4jNotifier(false))
                .jettyAcceptors(1).containerThreads(16));
        try {
            started.start();
        } catch (RuntimeException e) {
            started.stop();
            throw new TargetException("target 'replay': WireMock did not start on " + options.dir() + ": "
                    + e.getMessage(), e);
        }
        // a check's request the recording does not hold gets garbage and a close, never an answer by chance (WireMock's
        // 404 could pass a check); untagged requests (the suite's liveness probe) get WireMock's 404: alive
        unrecorded = started.stubFor(any(anyUrl()).withHeader(ReplayGate.CHECK_HEADER, matching(".*"))
                .atPriority(UNRECORDED_PRIORITY)
                .willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE))).getId();
        server = started;
        // WireMock serves once start() returned; awaited anyway, as every kind does (its 404 for an untagged GET / is an answer)
        READINESS.await(Readiness.Subject.at(name(), URI.create("http://127.0.0.1:" + started.port())));
        Map<String, String> facts = new LinkedHashMap<>(recording.facts());
        facts.put("replay.dir", options.dir().toString());
        facts.put("replay.of", recording.target());
        facts.put("replay.mappings", Integer.toString(started.getStubMappings().size()));
        running = new RunningTarget(URI.create("http://127.0.0.1:" + started.port()),
                BoardProbe.none("a replay observes no pins"), Console.none(), limits(), facts);
        return running;
    }

    @Override
    public Optional<String> notReplayable(String checkId) {
        Optional<RecordedCheck> check = recording.check(checkId);
        if (check.isEmpty()) {
            return Optional.of("not in the recording (it did not run on " + recording.target() + ")");
        }
        return check.get().replayable() ? Optional.empty() : Optional.of(check.get().whyNot());
    }

    @Override
    public synchronized Optional<String> strayed(String checkId) {
        if (server == null) {
            return Optional.empty();
        }
        return server.getAllServeEvents().stream()
                .filter(e -> e.getStubMapping() != null && unrecorded.equals(e.getStubMapping().getId()))
                .map(ServeEvent::getRequest)
                .filter(r -> checkId.equals(r.getHeader(ReplayGate.CHECK_HEADER)))
                .map(r -> "sent " + r.getMethod() + " " + r.getUrl() + ", which the recording does not hold"
                        + " (a name or path made fresh for each run)")
                .findFirst();
    }

    /** The recorded target's limits, when the harness had configured them; else the profile's. */
    private Optional<Limits> limits() {
        Map<String, Long> l = recording.limits();
        if (l.isEmpty()) {
            return Optional.empty();
        }
        Limits ref = Limits.reference();
        return Optional.of(new Limits(
                l.getOrDefault("maxClients", (long) ref.maxClients()).intValue(),
                l.getOrDefault("maxHeaderBytes", (long) ref.maxHeaderBytes()).intValue(),
                l.getOrDefault("maxTargetBytes", (long) ref.maxTargetBytes()).intValue(),
                l.getOrDefault("maxBodyBytes", (long) ref.maxBodyBytes()).intValue(),
                l.getOrDefault("maxUploadBytes", ref.maxUploadBytes()),
                Duration.ofMillis(l.getOrDefault("headerTimeoutMs", ref.headerTimeout().toMillis())),
                Duration.ofMillis(l.getOrDefault("keepAliveIdleMs", ref.keepAliveIdle().toMillis())),
                l.getOrDefault("maxRequestsPerConnection", (long) ref.maxRequestsPerConnection()).intValue(),
                l.getOrDefault("maxSseSubscribers", (long) ref.maxSseSubscribers()).intValue(),
                l.getOrDefault("maxWsMessageBytes", (long) ref.maxWsMessageBytes()).intValue(),
                Duration.ofMillis(l.getOrDefault("bodyTimeoutMs", ref.bodyTimeout().toMillis())),
                Duration.ofMillis(l.getOrDefault("wsFrameTimeoutMs", ref.wsFrameTimeout().toMillis()))));
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
        running = null;
    }
}
