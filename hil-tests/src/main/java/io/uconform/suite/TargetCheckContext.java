package io.uconform.suite;

import io.uconform.client.Http;
import io.uconform.client.MicronautHttp;
import io.uconform.client.RawHttp;
import io.uconform.client.SocketRawHttp;
import io.uconform.client.Transcript;
import io.uconform.console.Console;
import io.uconform.probe.BoardProbe;
import io.uconform.profile.Limits;
import io.uconform.profile.Profile;
import io.uconform.spi.RunningTarget;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;

/** The {@link CheckContext} of one check on one started target; owns the check's transcript. */
final class TargetCheckContext implements CheckContext {

    private final String targetName;
    private final RunningTarget running;
    private final Profile profile;
    private final Transcript transcript;
    private final MicronautHttp http;
    private final SocketRawHttp raw;
    private final Instant started;
    private final String check;
    private final String requirement;
    private final CheckNeeds needs;
    /** What the check asked for, kind:name ({@code route:index}), for the needs audit. */
    private final java.util.Set<String> asked = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** What the probe could not show, noted once per check however often it was asked. */
    private final java.util.Set<String> probeGaps = java.util.Collections.synchronizedSet(new java.util.HashSet<>());
    /** What the check did, for a recording: its exchanges and its uses of the live device. */
    private final io.uconform.record.CheckRecorder recorder = new io.uconform.record.CheckRecorder();

    /**
     * @param check       {@code Class.method}, named when the check asks for what it did not declare
     * @param requirement the check's requirement ID
     * @param needs       what the check declared it takes from the profile
     * @param started     when the check began (before the target was started for it: its boot lines are the check's)
     */
    TargetCheckContext(TargetSession session, Transcript transcript, String check, String requirement,
                       CheckNeeds needs, Instant started) {
        this.started = started;
        this.check = check;
        this.requirement = requirement;
        this.needs = needs;
        this.targetName = session.name();
        this.running = session.running();
        this.profile = session.profile();
        this.transcript = transcript;
        // a replay answers each check with its own recorded replies: its requests carry the check's name
        java.util.Map<String, String> tags = session.target() instanceof io.uconform.record.ReplayGate
                ? java.util.Map.of(io.uconform.record.ReplayGate.CHECK_HEADER, check) : java.util.Map.of();
        this.http = new MicronautHttp(session.httpClient(), transcript, targetName,
                TargetSession.READ_TIMEOUT.plus(TargetSession.CONNECT_TIMEOUT), tags, recorder::exchanged);
        this.raw = new SocketRawHttp(running.baseUri(), TargetSession.CONNECT_TIMEOUT, transcript, targetName);
    }

    @Override
    public String targetName() {
        return targetName;
    }

    @Override
    public URI baseUri() {
        recorder.live("reaches the server outside the HTTP client (its own connections to the base URI)");
        return running.baseUri();
    }

    /** The base URI for the suite itself (notes, liveness), not counted as the check's own use. */
    URI uri() {
        return running.baseUri();
    }

    @Override
    public Profile profile() {
        return profile;
    }

    @Override
    public Limits limits() {
        return running.limits().orElse(profile.limits());
    }

    @Override
    public String route(String role) {
        declared("route role", role, needs.routes());
        return profile.route(role).orElseGet(() -> abort("no route bound for role '" + role
                + "' in profile " + profile.name()));
    }

    @Override
    public String param(String key) {
        declared("parameter", key, needs.params());
        return profile.param(key).orElseGet(() -> abort("no parameter '" + key + "' in profile " + profile.name()));
    }

    @Override
    public long limit(String name) {
        declared("limit", name, needs.limits());
        return LimitValues.of(limits(), name);
    }

    @Override
    public String requirement() {
        return requirement;
    }

    /**
     * What the check declared but never asked for (a declaration that skips the check needlessly
     * on profiles that lack it); meaningful after a check that ran every branch.
     */
    java.util.List<String> declaredButUnused() {
        java.util.List<String> unused = new java.util.ArrayList<>();
        needs.routes().stream().filter(r -> !asked.contains("route role:" + r)).forEach(r -> unused.add("route " + r));
        needs.limits().stream().filter(l -> !asked.contains("limit:" + l)).forEach(l -> unused.add("limit " + l));
        needs.params().stream().filter(p -> !asked.contains("parameter:" + p)).forEach(p -> unused.add("param " + p));
        return unused;
    }

    /** True when the harness configured the target's limits itself (then every limit is known). */
    boolean targetConfiguredLimits() {
        return running.limits().isPresent();
    }

    /** A check that asks for what it did not declare is a mistake in the suite: it fails, naming itself. */
    private void declared(String kind, String name, java.util.Set<String> declared) {
        asked.add(kind + ":" + name);
        if (!declared.contains(name)) {
            throw new IllegalStateException("suite error: " + check + " asks for " + kind + " '" + name
                    + "' without declaring it in @Needs (declared: " + needs.describe() + ")");
        }
    }

    @Override
    public BoardProbe probe() {
        recorder.live("reads the board probe (pin effects)");
        running.probe().unavailableReason().ifPresent(reason -> abort("no board probe on " + targetName + ": " + reason));
        return running.probe();
    }

    @Override
    public boolean probeCan(io.uconform.probe.ProbeAbility ability, int pin) {
        java.util.Optional<String> reason = probe().cannot(ability, pin);
        reason.filter(probeGaps::add).ifPresent(r -> note("not verified on the board probe: " + r));
        return reason.isEmpty();
    }

    @Override
    public Console console() {
        recorder.live("reads the console");
        return running.console();
    }

    /** The console for the suite itself (evidence, recovery), not counted as the check's own use. */
    Console targetConsole() {
        return running.console();
    }

    io.uconform.record.CheckRecorder recorder() {
        return recorder;
    }

    String checkId() {
        return check;
    }

    @Override
    public Http http() {
        return http;
    }

    @Override
    public RawHttp raw() {
        recorder.live("opens raw connections (malformed requests, slow clients, pipelining, streams)");
        return raw;
    }

    @Override
    public void note(String evidence) {
        transcript.note(evidence);
    }

    @Override
    public void secret(String value) {
        transcript.addSecret(value);
    }

    Transcript transcript() {
        return transcript;
    }

    @Override
    public java.util.Map<String, String> facts() {
        return running.facts();
    }

    java.util.Map<String, String> runningFacts() {
        return running.facts();
    }

    Instant started() {
        return started;
    }

    /** Closes connections the check left open (also unblocks a check stuck in a read). */
    void closeConnections() {
        raw.closeAll();
    }

    private static <T> T abort(String reason) {
        Assumptions.abort(reason);
        throw new IllegalStateException("unreachable");
    }
}
