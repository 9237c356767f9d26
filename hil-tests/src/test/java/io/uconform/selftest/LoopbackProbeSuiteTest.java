package io.uconform.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uconform.checks.GpioChecks;
import io.uconform.checks.MethodChecks;
import io.uconform.checks.NowaitChecks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pin checks through a bench's eyes: the reference firmware on the virtual ESP32 with jumper
 * wires ({@code esp32 virtual=esp32 loopback=2>18,4>19,21>0}), so that the probe is the loopback one
 * of a real board. Level checks run and pass; what a wire cannot show (mode, pull, duty, analog
 * drive, the timeline) is skipped with the probe's reason; nothing fails.
 */
class LoopbackProbeSuiteTest {

    private static final Set<String> LEVEL_CHECKS = Set.of("GpioChecks.ledOnDrivesThePinHigh",
            "GpioChecks.ledOffDrivesThePinLow", "GpioChecks.ledToggleInvertsTheLevelTwice",
            "GpioChecks.ledStateMatchesTheProbe", "GpioChecks.pinListAgreesWithTheProbe",
            "GpioChecks.writingAnOutputPinDrivesIt", "GpioChecks.readingAnInputPinSeesTheDrivenLevel");

    private static final Set<String> NOT_OBSERVABLE = Set.of("GpioChecks.pullIsAppliedAndReported",
            "GpioChecks.writingAnInputOnlyPinIs409AndChangesNothing", "GpioChecks.adcFollowsTheDrivenVoltage",
            "GpioChecks.adcRawStaysInRange", "GpioChecks.pwmSetsFrequencyAndDuty", "GpioChecks.pwmOnAnInputOnlyPinIs409",
            "MethodChecks.optionsDoesNotStartBackgroundWork", "NowaitChecks.answersNullBeforeTheWorkFinishes",
            "NowaitChecks.workTogglesTheLedLater", "NowaitChecks.otherRequestsAreServedWhileTheWorkRuns",
            "NowaitChecks.workKeepsItsPace");

    @Test
    @Timeout(300)
    void levelChecksPassThroughTheWiresAndTheRestSkipWithTheProbesReason() {
        assumeTrue(pythonAvailable(), "python3 is not on PATH: the virtual ESP32 runs code with it");
        SuiteRun run = SuiteRun.of(List.of(MethodChecks.class, NowaitChecks.class, GpioChecks.class), Map.of(
                "target", "esp32", "target.options", "virtual=esp32;loopback=2>18,4>19,21>0;boot-timeout-seconds=90"));

        assertThat(run.failed()).as("failures through the loopback probe: %s", run.failureSummary()).isEmpty();
        Set<String> passed = run.passed().stream().map(SuiteRun.Outcome::check).collect(Collectors.toSet());
        assertThat(passed).as("checks passed in %d ms", run.millis()).containsAll(LEVEL_CHECKS);
        Map<String, String> notRun = run.notRun().stream()
                .collect(Collectors.toMap(SuiteRun.Outcome::check, o -> o.message().replaceFirst("^[\\w.]+Exception: ", ""),
                        (a, b) -> a));
        assertThat(notRun.keySet()).as("checks not run").containsExactlyInAnyOrderElementsOf(NOT_OBSERVABLE);
        assertThat(notRun.values()).allSatisfy(reason -> assertThat(reason)
                .startsWith("board probe of esp32@virtual-esp32: the loopback probe ")
                .containsAnyOf("sees levels only", "drives levels only"));
        assertThat(notRun).containsEntry("GpioChecks.pullIsAppliedAndReported",
                "board probe of esp32@virtual-esp32: the loopback probe sees levels only: pin 4's mode and pull"
                        + " is not observable");
        assertThat(run.reportEntries("uconform.transcript")).as("notes of what a wire could not show")
                .anyMatch(t -> t.contains("not verified on the board probe: the loopback probe sees levels only: pin 2's"
                        + " timeline of level changes is not observable"));
    }

    @Test
    @Timeout(120)
    void wiresDeclaredButNotOnTheBoardFailEveryLevelCheckAndPassNone() {
        SuiteRun run = SuiteRun.of(List.of(GpioChecks.class), Map.of("target", "unwired-sim", "target.options",
                "loopback=2>18,4>19,21>0"));

        Set<String> failed = run.failed().stream().map(SuiteRun.Outcome::check).collect(Collectors.toSet());
        Set<String> passed = run.passed().stream().map(SuiteRun.Outcome::check).collect(Collectors.toSet());
        assertThat(failed).as("level checks with no wire on the board (passed: %s)", passed)
                .containsExactlyInAnyOrderElementsOf(LEVEL_CHECKS);
        assertThat(run.failureSummary()).contains("LED pin 2 level on the probe after /led/on");
    }

    private static boolean pythonAvailable() {
        return io.uconform.simulator.host.Interpreter.find("python3").isPresent();
    }
}
