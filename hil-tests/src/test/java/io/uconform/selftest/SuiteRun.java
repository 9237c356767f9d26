package io.uconform.selftest;

import io.uconform.checks.AuthChecks;
import io.uconform.checks.ChunkChecks;
import io.uconform.checks.CoreChecks;
import io.uconform.checks.CorsChecks;
import io.uconform.checks.FileChecks;
import io.uconform.checks.HomeChecks;
import io.uconform.checks.Net6Checks;
import io.uconform.checks.SseChecks;
import io.uconform.checks.StreamChecks;
import io.uconform.checks.TlsChecks;
import io.uconform.checks.UploadChecks;
import io.uconform.checks.WebSocketChecks;
import io.uconform.checks.ErrorChecks;
import io.uconform.checks.GpioChecks;
import io.uconform.checks.KeepAliveChecks;
import io.uconform.checks.LimitChecks;
import io.uconform.checks.MethodChecks;
import io.uconform.checks.NowaitChecks;
import io.uconform.checks.ProtocolChecks;
import io.uconform.checks.RobustnessChecks;
import io.uconform.checks.SecretChecks;
import io.uconform.checks.SystemChecks;
import io.uconform.suite.Check;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * One run of the whole conformance suite ({@code io.uconform.checks}) through JUnit's
 * {@link EngineTestKit}, configured like a user would ({@code target}, {@code target.<option>}),
 * summarised per requirement. Check classes run in their {@code @Order} (hostile campaigns last).
 */
final class SuiteRun {

    /** One finished check: its requirement, method, and failure or skip message. */
    record Outcome(String requirement, String check, String message) {
        @Override
        public String toString() {
            return requirement + " " + check + (message.isEmpty() ? "" : ": " + firstLine(message));
        }
    }

    /** The check classes of the groups PROTO, CORE, METH, ERR, KA, LIM, ROB, NOWAIT, GPIO, SYS and BOOT. */
    static final List<Class<?>> ENGINE_AND_BOARD_CHECKS = List.of(ProtocolChecks.class, CoreChecks.class,
            MethodChecks.class, ErrorChecks.class, KeepAliveChecks.class, LimitChecks.class, RobustnessChecks.class,
            NowaitChecks.class, GpioChecks.class, SystemChecks.class, SecretChecks.class);

    /** The check classes of the groups SSE, WS, STREAM and HOME. */
    static final List<Class<?>> REALTIME_CHECKS = List.of(SseChecks.class, WebSocketChecks.class, StreamChecks.class,
            HomeChecks.class);

    /** The check classes of the groups AUTH, CORS, FILE, UP, CHUNK, TLS and NET6. */
    static final List<Class<?>> ACCESS_CHECKS = List.of(AuthChecks.class, CorsChecks.class, FileChecks.class,
            UploadChecks.class, ChunkChecks.class, TlsChecks.class, Net6Checks.class);

    /** Every check's status and reason by {@code Class.method}: what two runs must agree on. */
    Map<String, String> verdicts() {
        Map<String, String> verdicts = new TreeMap<>();
        passed().forEach(o -> verdicts.put(o.check(), "passed"));
        failed().forEach(o -> verdicts.put(o.check(), "failed"));
        notRun().forEach(o -> verdicts.put(o.check(), "skipped: " + firstLine(o.message())));
        return verdicts;
    }

    private final EngineExecutionResults results;
    private final long millis;

    private SuiteRun(EngineExecutionResults results, long millis) {
        this.results = results;
        this.millis = millis;
    }

    /**
     * {@code configuration} with a pool of {@code size} instances per target and, for more than one,
     * the parallel execution that spreads checks over them (as {@code uconform run --pool N}).
     */
    static Map<String, String> pooled(Map<String, String> configuration, int size) {
        Map<String, String> pooled = new java.util.LinkedHashMap<>(configuration);
        pooled.put(io.uconform.suite.SuiteSettings.POOL, Integer.toString(size));
        pooled.putAll(io.uconform.suite.SuiteParallelism.parameters(size));
        return pooled;
    }

    /** The whole suite: every check class of the package. */
    static SuiteRun with(Map<String, String> configuration) {
        return with(configuration, List.of(DiscoverySelectors.selectPackage("io.uconform.checks")));
    }

    /** Only the given check classes. */
    static SuiteRun of(List<Class<?>> classes, Map<String, String> configuration) {
        return with(configuration, classes.stream().map(DiscoverySelectors::selectClass).collect(Collectors.toList()));
    }

    private static SuiteRun with(Map<String, String> configuration,
                                 List<? extends org.junit.platform.engine.DiscoverySelector> selectors) {
        long start = System.nanoTime();
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter")
                .selectors(selectors.toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                // the check classes only: the package also holds this module's tests of them
                .filters(org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns(".*Checks"))
                .configurationParameter("junit.jupiter.testclass.order.default",
                        "org.junit.jupiter.api.ClassOrderer$OrderAnnotation");
        configuration.forEach(builder::configurationParameter);
        EngineExecutionResults results = builder.execute();
        return new SuiteRun(results, (System.nanoTime() - start) / 1_000_000);
    }

    long millis() {
        return millis;
    }

    List<Outcome> failed() {
        return outcomes(results.testEvents().failed().stream().collect(Collectors.toList()));
    }

    List<Outcome> passed() {
        return outcomes(results.testEvents().succeeded().stream().collect(Collectors.toList()));
    }

    /** Checks skipped (disabled) or aborted, with their reasons. */
    List<Outcome> notRun() {
        List<Outcome> list = outcomes(results.testEvents().aborted().stream().collect(Collectors.toList()));
        results.testEvents().skipped().stream().forEach(e -> check(e.getTestDescriptor()).ifPresent(m ->
                list.add(new Outcome(m.getAnnotation(Check.class).value(), name(m),
                        e.getPayload(String.class).orElse("skipped")))));
        return list;
    }

    /** Prefix of an abort that says this machine, not the target, could not be judged (load). */
    static final String MACHINE_COULD_NOT = "this machine could not";

    /** Checks ({@code Class.method}) aborted because this machine was too loaded to judge the target. */
    static Set<String> abortedForLoad(SuiteRun run) {
        return run.notRun().stream().filter(o -> o.message().contains(MACHINE_COULD_NOT)).map(Outcome::check)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    Set<String> failedRequirements() {
        return failed().stream().map(Outcome::requirement).collect(Collectors.toCollection(TreeSet::new));
    }

    Set<String> passedRequirements() {
        return passed().stream().map(Outcome::requirement).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Values of one report entry key ({@code uconform.restarted}, ...) published during the run. */
    List<String> reportEntries(String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class))
                .flatMap(Optional::stream).map(r -> r.getKeyValuePairs().get(key))
                .filter(java.util.Objects::nonNull).collect(Collectors.toList());
    }

    /**
     * Wall time of every check that ran, by {@code Class.method}, in milliseconds: the check's own
     * ({@code uconform.duration}, without a wait for a free instance of a pool).
     */
    Map<String, Long> durations() {
        Map<String, Long> durations = new TreeMap<>();
        results.allEvents().reportingEntryPublished().stream().forEach(e -> check(e.getTestDescriptor()).ifPresent(m ->
                e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class)
                        .map(r -> r.getKeyValuePairs().get(io.uconform.suite.ReportKeys.DURATION))
                        .ifPresent(ms -> durations.put(name(m), Long.parseLong(ms)))));
        return durations;
    }

    /** Per check ({@code Class.method}): its start and end, in ms since the run's first check started. */
    Map<String, long[]> checkSpans() {
        Map<String, long[]> spans = new TreeMap<>();
        eachCheckEvent((check, type, at) -> {
            long[] span = spans.computeIfAbsent(name(check), k -> new long[] {-1, -1});
            if (type == EventType.STARTED) {
                span[0] = at;
            } else if (type == EventType.FINISHED) {
                span[1] = at;
            }
        });
        return spans;
    }

    /** Per check class: the first start and the last end of its checks, in ms since the run's first check started. */
    Map<String, long[]> classSpans() {
        Map<String, long[]> spans = new TreeMap<>();
        eachCheckEvent((check, type, at) -> {
            long[] span = spans.computeIfAbsent(check.getDeclaringClass().getSimpleName(),
                    k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
            if (type == EventType.STARTED) {
                span[0] = Math.min(span[0], at);
            } else if (type == EventType.FINISHED) {
                span[1] = Math.max(span[1], at);
            }
        });
        return spans;
    }

    private interface CheckEventVisitor {
        void visit(Method check, EventType type, long at);
    }

    /** Every event of a check, with its time in ms since the run's first check started. */
    private void eachCheckEvent(CheckEventVisitor visitor) {
        java.util.List<Event> events = results.testEvents().list();
        long origin = events.stream().mapToLong(e -> e.getTimestamp().toEpochMilli()).min().orElse(0);
        for (Event e : events) {
            check(e.getTestDescriptor()).ifPresent(
                    m -> visitor.visit(m, e.getType(), e.getTimestamp().toEpochMilli() - origin));
        }
    }

    static String describe(Map<String, long[]> spans) {
        return spans.entrySet().stream().sorted(java.util.Comparator.comparingLong(e -> e.getValue()[0]))
                .map(e -> e.getKey() + " " + e.getValue()[0] + ".." + e.getValue()[1]).collect(Collectors.joining(", "));
    }

    int checksRun() {
        return failed().size() + passed().size();
    }

    /** Failures grouped by requirement, for assertion messages. */
    String failureSummary() {
        Map<String, List<String>> byRequirement = new TreeMap<>();
        failed().forEach(o -> byRequirement.computeIfAbsent(o.requirement(), k -> new java.util.ArrayList<>())
                .add(o.check() + ": " + firstLine(o.message())));
        return byRequirement.toString();
    }

    private static List<Outcome> outcomes(List<Event> events) {
        List<Outcome> list = new java.util.ArrayList<>();
        for (Event event : events) {
            check(event.getTestDescriptor()).ifPresent(m -> list.add(new Outcome(m.getAnnotation(Check.class).value(),
                    name(m), event.getPayload(TestExecutionResult.class)
                    .flatMap(TestExecutionResult::getThrowable).map(String::valueOf).orElse(""))));
        }
        return list;
    }

    private static Optional<Method> check(TestDescriptor descriptor) {
        return descriptor.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(MethodSource::getJavaMethod).filter(m -> m.isAnnotationPresent(Check.class));
    }

    private static String name(Method m) {
        return m.getDeclaringClass().getSimpleName() + "." + m.getName();
    }

    private static String firstLine(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= 240 ? oneLine : oneLine.substring(0, 240) + "...";
    }
}
