package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.ServerFault;
import io.uconform.suite.Check;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The SSE, WS, STREAM and HOME checks against {@code sim}: all pass on a conforming device, and
 * each of their server faults makes exactly its own requirement fail.
 */
class RealtimeChecksOnSimTest {

    private static final List<Class<?>> CLASSES = List.of(SseChecks.class, WebSocketChecks.class,
            StreamChecks.class, HomeChecks.class);

    @Test
    @Timeout(180)
    void everyCheckPassesOnAConformingDevice() {
        long start = System.nanoTime();
        EngineExecutionResults results = run("");
        System.out.printf("realtime checks on sim: %d passed, %d failed, %d skipped in %d ms; slowest: %s%n",
                results.testEvents().succeeded().count(), results.testEvents().failed().count(),
                results.testEvents().skipped().count(), (System.nanoTime() - start) / 1_000_000, slowest(results));
        assertThat(summary(results.testEvents().failed().list())).as("failed checks").isEmpty();
        assertThat(results.testEvents().succeeded().count()).as("checks passed").isGreaterThanOrEqualTo(40);
    }

    static List<ServerFault> realtimeFaults() {
        return java.util.Arrays.stream(ServerFault.values())
                .filter(f -> f.requirement().matches("(SSE|WS|STREAM|HOME)-\\d+")).toList();
    }

    @ParameterizedTest
    @MethodSource("realtimeFaults")
    @Timeout(180)
    void eachFaultBreaksExactlyItsRequirement(ServerFault fault) {
        // about a minute per fault; the suite's own fault self-test covers every fault in a normal build
        org.assertj.core.api.Assumptions.assumeThat(Boolean.getBoolean("selftest.realtime"))
                .as("per-fault runs of the realtime checks are asked for with -Dselftest.realtime=true").isTrue();
        EngineExecutionResults results = run(fault.name());
        Set<String> failed = results.testEvents().failed().stream().map(RealtimeChecksOnSimTest::requirement)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(failed).as("requirements failed under %s: %s", fault, summary(results.testEvents().failed().list()))
                .containsExactly(fault.requirement());
    }

    private static EngineExecutionResults run(String faults) {
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter")
                .selectors(CLASSES.stream().map(DiscoverySelectors::selectClass).toArray(
                        org.junit.platform.engine.DiscoverySelector[]::new))
                .configurationParameter("target", "sim");
        if (!faults.isEmpty()) {
            builder.configurationParameter("target.faults", faults);
        }
        return builder.execute();
    }

    /** The five slowest checks with their wall time in ms. */
    private static List<String> slowest(EngineExecutionResults results) {
        java.util.Map<String, java.time.Instant> started = new java.util.HashMap<>();
        results.testEvents().started().stream().forEach(e -> started.put(e.getTestDescriptor().getUniqueId().toString(),
                e.getTimestamp()));
        return results.testEvents().finished().stream()
                .map(e -> java.util.Map.entry(e.getTestDescriptor().getLegacyReportingName(), java.time.Duration.between(
                        started.get(e.getTestDescriptor().getUniqueId().toString()), e.getTimestamp()).toMillis()))
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static String requirement(Event event) {
        return event.getTestDescriptor().getSource()
                .filter(org.junit.platform.engine.support.descriptor.MethodSource.class::isInstance)
                .map(s -> ((org.junit.platform.engine.support.descriptor.MethodSource) s).getJavaMethod().getAnnotation(Check.class))
                .map(Check::value).orElse("?");
    }

    private static List<String> summary(List<Event> events) {
        return events.stream().map(e -> requirement(e) + " " + e.getTestDescriptor().getDisplayName() + ": "
                + e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                .map(t -> String.valueOf(t.getMessage()).lines().findFirst().orElse(""))
                .orElse("")).toList();
    }
}
