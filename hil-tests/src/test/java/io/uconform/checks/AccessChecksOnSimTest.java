package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.ServerFault;
import io.uconform.suite.Check;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The AUTH, CORS, FILE, UP, CHUNK, TLS and NET6 checks against {@code sim}: all pass on a
 * conforming device, once as configured by default (CORS off, plain HTTP on 127.0.0.1) and once
 * with {@code cors=on}, {@code tls=on}, {@code bind=::}; each of their server faults makes exactly
 * its own requirement fail.
 */
class AccessChecksOnSimTest {

    private static final List<Class<?>> CLASSES = List.of(AuthChecks.class, CorsChecks.class, FileChecks.class,
            UploadChecks.class, ChunkChecks.class, TlsChecks.class, Net6Checks.class);

    @Test
    @Timeout(180)
    void everyCheckPassesOnADefaultDevice() {
        EngineExecutionResults results = run(Map.of());
        report("default sim", results);
        assertThat(summary(results.testEvents().failed().list())).as("failed checks").isEmpty();
        assertThat(results.testEvents().succeeded().count()).as("checks passed").isGreaterThanOrEqualTo(45);
    }

    @Test
    @Timeout(180)
    void everyCheckPassesWithCorsTlsAndDualStack() {
        EngineExecutionResults results = run(Map.of("target.options", "cors=on;tls=on;bind=::"));
        report("sim cors=on tls=on bind=::", results);
        assertThat(summary(results.testEvents().failed().list())).as("failed checks").isEmpty();
        assertThat(results.testEvents().succeeded().count()).as("checks passed").isGreaterThanOrEqualTo(55);
    }

    static List<ServerFault> accessFaults() {
        return Arrays.stream(ServerFault.values())
                .filter(f -> f.requirement().matches("(AUTH|CORS|FILE|UP|CHUNK|TLS|NET6)-\\d+")).toList();
    }

    @ParameterizedTest
    @MethodSource("accessFaults")
    @Timeout(180)
    void eachFaultBreaksExactlyItsRequirement(ServerFault fault) {
        // a few seconds per fault; the suite's own fault self-test covers every fault with the whole suite
        String wanted = System.getProperty("selftest.access", "");
        org.assertj.core.api.Assumptions.assumeThat(wanted.equals("true") || List.of(wanted.split(",")).contains(fault.name()))
                .as("per-fault runs of the access checks are asked for with -Dselftest.access=true "
                        + "(or a comma-separated list of faults)").isTrue();
        EngineExecutionResults results = run(Map.of("target.faults", fault.name()));
        Set<String> failed = results.testEvents().failed().stream().map(AccessChecksOnSimTest::requirement)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(failed).as("requirements failed under %s: %s", fault, summary(results.testEvents().failed().list()))
                .containsExactly(fault.requirement());
    }

    private static EngineExecutionResults run(Map<String, String> options) {
        Map<String, String> configuration = new LinkedHashMap<>(options);
        configuration.put("target", "sim");
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter")
                .selectors(CLASSES.stream().map(DiscoverySelectors::selectClass).toArray(
                        org.junit.platform.engine.DiscoverySelector[]::new));
        configuration.forEach(builder::configurationParameter);
        return builder.execute();
    }

    private static void report(String what, EngineExecutionResults results) {
        System.out.printf("access checks on %s: %d passed, %d failed, %d skipped with a reason%n", what,
                results.testEvents().succeeded().count(), results.testEvents().failed().count(),
                results.testEvents().aborted().count() + results.testEvents().skipped().count());
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
