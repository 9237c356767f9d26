package io.uconform.suite;

import io.uconform.console.ConsoleLine;
import io.uconform.record.NotReplayable;
import io.uconform.record.RecordedCheck;
import io.uconform.record.Recording;
import io.uconform.record.ReplayGate;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * The suite's two small hooks for record and replay: after a check, its record and exchanges go to
 * the run's {@link Recording} ({@code record} parameter, {@code --record DIR}, {@code -Drecord=DIR});
 * before a check on a {@link ReplayGate} target, the target says whether it can replay it.
 */
final class RecordHook {

    static final String NOT_REPLAYABLE = "not replayable: ";
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RecordHook.class);
    /** Limits that are timers: a check that takes one as its verdict waits on the device's clock. */
    private static final List<String> TIMERS = List.of("headerTimeoutMs", "keepAliveIdleMs");

    private RecordHook() {
    }

    static Optional<String> notReplayable(TargetSession member, String checkId) {
        return member.target() instanceof ReplayGate gate ? gate.notReplayable(checkId) : Optional.empty();
    }

    /** On a replay, a failure of a check that sent what the recording does not hold becomes a skip with why. */
    static Optional<String> strayed(TargetSession member, String checkId) {
        return member.target() instanceof ReplayGate gate ? gate.strayed(checkId) : Optional.empty();
    }

    static void after(ExtensionContext context, TargetCheckContext check, String label, Instant consoleFrom) {
        Optional<Recording> recording = recording(context, label);
        if (recording.isEmpty()) {
            return;
        }
        Map<String, Long> limits = new LinkedHashMap<>();
        if (check.targetConfiguredLimits()) {
            for (String name : List.of("maxClients", "maxHeaderBytes", "maxTargetBytes", "maxBodyBytes", "maxUploadBytes",
                    "headerTimeoutMs", "keepAliveIdleMs", "maxRequestsPerConnection", "maxSseSubscribers",
                    "maxWsMessageBytes")) {
                limits.put(name, LimitValues.of(check.limits(), name));
            }
            limits.put("bodyTimeoutMs", check.limits().bodyTimeout().toMillis());
            limits.put("wsFrameTimeoutMs", check.limits().wsFrameTimeout().toMillis());
        }
        recording.get().target(label, check.runningFacts(), limits, check.profile().name(), check.transcript()::mask);
        Optional<Throwable> thrown = context.getExecutionException();
        String status = thrown.isEmpty() ? "passed" : thrown.get() instanceof TestAbortedException ? "skipped" : "failed";
        String reason = thrown.map(Throwable::getMessage).map(m -> check.transcript().mask(m)).orElse("");
        List<String> console = check.targetConsole().lines().stream().filter(line -> !line.at().isBefore(consoleFrom))
                .map(ConsoleLine::toString).map(check.transcript()::mask).toList();
        RecordedCheck record = new RecordedCheck(check.checkId(), check.requirement(), status, reason,
                Duration.between(check.started(), Instant.now()).toMillis(),
                notReplayable(context.getRequiredTestMethod(), check), check.recorder().exchanges().size(),
                check.transcript().entries(), console);
        recording.get().check(record, check.recorder().exchanges(), check.transcript()::mask);
    }

    /** What keeps a replay from reproducing the check: its live uses, its timers, a declaration. */
    private static List<String> notReplayable(Method method, TargetCheckContext check) {
        List<String> why = new ArrayList<>(check.recorder().liveUses());
        CheckNeeds.of(method).limits().stream().filter(TIMERS::contains)
                .forEach(limit -> why.add("waits on the server's timer " + limit));
        Optional.ofNullable(method.getAnnotation(NotReplayable.class))
                .or(() -> Optional.ofNullable(method.getDeclaringClass().getAnnotation(NotReplayable.class)))
                .ifPresent(declared -> why.add(declared.value()));
        return why;
    }

    /**
     * The run's recording of the target {@code label}, opened once: {@code DIR} itself when the run
     * has one target, {@code DIR/<label>} for each when it has several (Maven's default run of three).
     */
    private static Optional<Recording> recording(ExtensionContext context, String label) {
        Optional<String> dir = context.getConfigurationParameter(Recording.PARAMETER).filter(d -> !d.isBlank());
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        ExtensionContext.Store store = context.getRoot().getStore(NS);
        boolean several = store.getOrComputeIfAbsent("several", k -> SuiteSettings.from(context::getConfigurationParameter)
                .selections().stream().distinct().count() > 1, Boolean.class);
        java.nio.file.Path path = several ? java.nio.file.Path.of(dir.get(), Recording.fileName(label))
                : java.nio.file.Path.of(dir.get());
        return Optional.of(store.getOrComputeIfAbsent(path, k -> Recording.into(path), Recording.class));
    }
}
