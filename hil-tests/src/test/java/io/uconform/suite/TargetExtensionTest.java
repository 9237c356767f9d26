package io.uconform.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

@Timeout(60)
class TargetExtensionTest {

    private static EngineExecutionResults run(Class<?> checks, Map<String, String> parameters) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(checks))
                .configurationParameters(parameters).execute();
    }

    /** Display name of the test to its outcome: "passed", "failed: msg", "skipped: reason", "aborted: reason". */
    private static Map<String, String> outcomes(EngineExecutionResults results) {
        return results.testEvents().stream()
                .filter(e -> e.getType() == EventType.FINISHED || e.getType() == EventType.SKIPPED)
                .collect(Collectors.toMap(e -> e.getTestDescriptor().getDisplayName(), TargetExtensionTest::outcome));
    }

    private static String outcome(Event e) {
        if (e.getType() == EventType.SKIPPED) {
            return "skipped: " + e.getPayload(String.class).orElse("");
        }
        TestExecutionResult r = e.getPayload(TestExecutionResult.class).orElseThrow();
        String message = r.getThrowable().map(Throwable::getMessage).orElse("");
        switch (r.getStatus()) {
            case SUCCESSFUL:
                return "passed";
            case ABORTED:
                return "aborted: " + message;
            default:
                return "failed: " + message;
        }
    }

    @Test
    void twoTargetsTakeAClassSideBySideAndClassesStayInOrder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path targets = java.nio.file.Files.writeString(dir.resolve("targets.json"),
                "[{\"kind\": \"fake\"}, {\"kind\": \"fake\", \"options\": {\"owned\": \"false\"}}]");
        SideBySideChecks.bothStarted = new java.util.concurrent.CountDownLatch(2);
        SideBySideChecks.ENDED.clear();
        SideBySideChecks.Later.STARTED.clear();
        Map<String, String> parameters = new java.util.HashMap<>(SuiteParallelism.parameters(2));
        parameters.put("targets", targets.toString());
        parameters.put("profile", "harness-test");
        parameters.put("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$OrderAnnotation");
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(SideBySideChecks.class), selectClass(SideBySideChecks.Later.class))
                .configurationParameters(parameters).execute();

        assertThat(results.testEvents().failed().stream().map(TargetExtensionTest::outcome).toList())
                .as("failed checks").isEmpty();
        assertThat(results.testEvents().succeeded().count()).as("checks passed: 2 targets x 2 classes").isEqualTo(4);
        assertThat(SideBySideChecks.Later.STARTED.values().stream().mapToLong(Long::longValue).min().orElseThrow())
                .as("first start of the last-stage class against the last end of the earlier one")
                .isGreaterThanOrEqualTo(SideBySideChecks.ENDED.values().stream().mapToLong(Long::longValue).max()
                        .orElseThrow());
    }

    @Test
    void targetsTakeAClassInTurnWhenSideBySideIsOff(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path targets = java.nio.file.Files.writeString(dir.resolve("targets.json"),
                "[{\"kind\": \"fake\"}, {\"kind\": \"fake\", \"options\": {\"owned\": \"false\"}}]");
        Map<String, String> parameters = new java.util.HashMap<>(SuiteParallelism.parameters(2));
        parameters.put("targets", targets.toString());
        parameters.put("profile", "harness-test");
        parameters.put(TargetsSideBySide.ENABLED, "false");
        SideBySideChecks.bothStarted = new java.util.concurrent.CountDownLatch(2) {
            @Override
            public boolean await(long timeout, java.util.concurrent.TimeUnit unit) {
                // in turn, the other target's check never starts while this one waits: do not wait 10 s for it
                return getCount() == 0;
            }
        };
        // a last-stage class: the others are CONCURRENT themselves, and their per-target invocations with them
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(SideBySideChecks.LastWaiting.class)).configurationParameters(parameters)
                .execute();

        assertThat(results.testEvents().failed().count()).as("the first target's check found the other not started")
                .isEqualTo(1);
        assertThat(results.testEvents().succeeded().count()).as("the second found the first done").isEqualTo(1);
    }

    @Test
    void aParallelRunWithConcurrentClassesIsRefusedWithTheReason() {
        Map<String, String> parameters = new java.util.HashMap<>(SuiteParallelism.parameters(2));
        parameters.put(SuiteParallelism.MODE, "concurrent");
        parameters.put("target", "fake");
        parameters.put("profile", "harness-test");
        EngineExecutionResults results = run(FakeChecks.class, parameters);

        assertThat(results.containerEvents().failed().stream().map(TargetExtensionTest::outcome).toList())
                .as("failed containers").singleElement().asString()
                .contains("a parallel conformance run needs same_thread");
    }

    @Test
    void appliesClaimsWaiversRoutesAndRunsChecksAgainstTheConfiguredTarget() {
        EngineExecutionResults results = run(FakeChecks.class, Map.of("target", "fake", "profile", "harness-test"));

        Map<String, String> outcomes = outcomes(results);
        assertThat(outcomes).containsEntry("indexAnswers(CheckContext)", "passed")
                .containsEntry("rawReadsIndex(CheckContext)", "passed")
                .containsEntry("notClaimed(CheckContext)", "skipped: not claimed by profile harness-test")
                .containsEntry("waived(CheckContext)", "skipped: waived: accepted deviation for the test")
                // an unbound role the check declares skips it before it runs (it is never started)
                .containsEntry("needsUnboundRoute(CheckContext)",
                        "skipped: no route bound for role 'raise' in profile harness-test");
        assertThat(outcomes.get("unknownPathIsTeapot(CheckContext)")).startsWith("failed: ").contains("418", "404")
                .contains("the wifi password is ****").doesNotContain("hunter22");
        assertThat(results.containerEvents().started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .contains("[fake]");
    }

    @Test
    void publishesTranscriptConsoleAndFactsWithSecretsMasked() {
        EngineExecutionResults results = run(FakeChecks.class,
                Map.of("target", "fake", "profile", "harness-test", "target.options", "secret=hunter22"));

        List<Map<String, String>> entries = results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class).orElseThrow().getKeyValuePairs())
                .toList();
        String transcripts = entries.stream().map(m -> m.getOrDefault(ReportKeys.TRANSCRIPT, ""))
                .collect(Collectors.joining("\n"));
        assertThat(transcripts).contains("GET /nope", "HTTP/1.1 404", "password **** must be masked")
                .doesNotContain("hunter22");
        assertThat(entries).anySatisfy(m -> assertThat(m.get(ReportKeys.FACTS)).contains("firmware=fake-1.0"));
        assertThat(entries).anySatisfy(m -> assertThat(m.get(ReportKeys.REASON))
                .contains("the wifi password is ****", "418").doesNotContain("hunter22"));
        assertThat(entries).anySatisfy(m -> assertThat(m.get(ReportKeys.CONSOLE)).contains("fake booted"));
    }

    @Test
    void unavailableKindSkipsEveryCheckWithItsReason() {
        Map<String, String> outcomes = outcomes(run(FakeChecks.class,
                Map.of("target", "fake", "profile", "harness-test", "target.options", "available=false")));

        assertThat(outcomes).containsEntry("indexAnswers(CheckContext)", "skipped: fake target switched off for this test")
                .containsEntry("unknownPathIsTeapot(CheckContext)", "skipped: fake target switched off for this test")
                .containsEntry("notClaimed(CheckContext)", "skipped: not claimed by profile harness-test");
    }

    @Test
    void unknownKindSkipsWithTheKnownKinds() {
        Map<String, String> outcomes = outcomes(run(FakeChecks.class, Map.of("target", "nosuch", "profile", "harness-test")));

        assertThat(outcomes.get("indexAnswers(CheckContext)")).startsWith("skipped: unknown target kind 'nosuch' (known: ")
                .contains("fake", "url");
    }

    @Test
    void targetThatFailsToStartAbortsChecksWithTheOneLineReason() {
        Map<String, String> outcomes = outcomes(run(FakeChecks.class,
                Map.of("target", "fake", "profile", "harness-test", "target.options", "fail-start=true")));

        assertThat(outcomes).containsEntry("indexAnswers(CheckContext)",
                "aborted: not run: target failed to start: fake target: port 1 in use");
        assertThat(outcomes.values()).noneMatch(o -> o.startsWith("failed"));
    }

    @Test
    void targetDownAfterACheckAbortsLaterChecksWhenTheHarnessDoesNotOwnIt() {
        Map<String, String> outcomes = outcomes(run(TargetDownChecks.class, Map.of("target", "fake", "profile", "harness-test")));

        assertThat(outcomes.get("crashesTheTarget(CheckContext)")).startsWith("failed: ");
        assertThat(outcomes).containsEntry("runsAfterTheCrash(CheckContext)",
                "skipped: not run: target down (after TargetDownChecks.crashesTheTarget (PROTO-03))");
    }

    @Test
    void targetDownAfterACheckIsRestartedWhenTheHarnessOwnsIt() {
        int startsBefore = FakeTargetKind.STARTS.get();
        EngineExecutionResults results = run(TargetDownChecks.class,
                Map.of("target", "fake", "profile", "harness-test", "target.options", "owned=true"));

        Map<String, String> outcomes = outcomes(results);
        assertThat(outcomes.get("crashesTheTarget(CheckContext)")).startsWith("failed: ");
        assertThat(outcomes).containsEntry("runsAfterTheCrash(CheckContext)", "passed");
        assertThat(FakeTargetKind.STARTS.get() - startsBefore).isEqualTo(2);
        assertThat(results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class).orElseThrow().getKeyValuePairs())
                .filter(m -> m.containsKey(ReportKeys.RESTARTED)))
                .singleElement().satisfies(m -> assertThat(m.get(ReportKeys.RESTARTED))
                        .contains("restarted after TargetDownChecks.crashesTheTarget (PROTO-03)"));
    }

    @Test
    void targetsFileRunsEveryCheckOncePerTargetWithDistinctNames(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("targets.json");
        java.nio.file.Files.writeString(file, "[{\"kind\":\"fake\",\"profile\":\"harness-test\"},"
                + "{\"kind\":\"fake\",\"options\":{\"available\":\"false\"},\"profile\":\"harness-test\"}]");

        EngineExecutionResults results = run(FakeChecks.class, Map.of(SuiteSettings.TARGETS, file.toString()));

        assertThat(results.containerEvents().started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .contains("[fake#1]", "[fake#2]");
        assertThat(results.testEvents().succeeded().count()).isEqualTo(2);
        assertThat(results.testEvents().skipped().stream().map(e -> e.getPayload(String.class).orElse("")))
                .contains("fake target switched off for this test");
    }

    @Test
    void hardTimeoutFailsAHungCheckQuickly() {
        long start = System.nanoTime();
        Map<String, String> outcomes = outcomes(run(HangingChecks.class,
                Map.of("target", "fake", "profile", "harness-test", SuiteSettings.CHECK_TIMEOUT, "1")));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(outcomes.get("hangs(CheckContext)")).startsWith("failed: fake: check did not finish within 1 s (hard timeout)");
    }
}
