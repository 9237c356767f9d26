package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.suite.Check;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The AUTH, CORS, FILE, UP, CHUNK, TLS and NET6 checks against {@code sim} with {@code cors=on},
 * {@code tls=on}, {@code bind=::}: all pass on a conforming device. (Configured by default, CORS
 * off and plain HTTP on 127.0.0.1, they run in {@code FaultInjectionTest}'s clean runs, and each of
 * their server faults there makes exactly its own requirement fail.)
 */
class AccessChecksOnSimTest {

    private static final List<Class<?>> CLASSES = List.of(AuthChecks.class, CorsChecks.class, FileChecks.class,
            UploadChecks.class, ChunkChecks.class, TlsChecks.class, Net6Checks.class);

    @Test
    @Timeout(180)
    void everyCheckPassesWithCorsTlsAndDualStack() {
        EngineExecutionResults results = run(Map.of("target.options", "cors=on;tls=on;bind=::"));
        report("sim cors=on tls=on bind=::", results);
        assertThat(summary(results.testEvents().failed().list())).as("failed checks").isEmpty();
        assertThat(results.testEvents().succeeded().count()).as("checks passed").isGreaterThanOrEqualTo(55);
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
