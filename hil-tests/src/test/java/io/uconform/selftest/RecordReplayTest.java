package io.uconform.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uconform.checks.AuthChecks;
import io.uconform.checks.CoreChecks;
import io.uconform.checks.CorsChecks;
import io.uconform.checks.ErrorChecks;
import io.uconform.checks.FileChecks;
import io.uconform.checks.GpioChecks;
import io.uconform.checks.MethodChecks;
import io.uconform.checks.SystemChecks;
import io.uconform.checks.UploadChecks;
import io.uconform.record.RecordedCheck;
import io.uconform.record.RecordedRun;
import io.uconform.suite.SuiteSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record and replay proven on the suite itself: a {@code sim} run and a virtual-ESP32 run are
 * recorded ({@code record=DIR}), each recording is replayed through the {@code replay} kind, and
 * every replayable check must get its recorded verdict; one edited response makes exactly the
 * check that reads it fail.
 */
class RecordReplayTest {

    /** Groups CORE, METH, ERR, AUTH, CORS, FILE, UP, GPIO and SYS: most of their checks speak plain HTTP. */
    static final List<Class<?>> SIM_CLASSES = List.of(CoreChecks.class, MethodChecks.class, ErrorChecks.class,
            AuthChecks.class, CorsChecks.class, FileChecks.class, UploadChecks.class, GpioChecks.class,
            SystemChecks.class);
    /** Groups CORE, METH and GPIO on the virtual ESP32 (its boot costs seconds; the rest is the same chain). */
    static final List<Class<?>> ESP32_CLASSES = List.of(CoreChecks.class, MethodChecks.class, GpioChecks.class);

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void simReplaysWithItsRecordedVerdicts(@TempDir Path dir) {
        ClientWarmUp.once();
        SuiteRun recorded = SuiteRun.of(SIM_CLASSES, SuiteRun.pooled(Map.of("target", "sim", "record", dir.toString()), 4));

        SuiteRun replayed = replay(SIM_CLASSES, dir);

        assertReplayedAsRecorded(RecordedRun.read(dir), recorded, replayed);
    }

    static SuiteRun replay(List<Class<?>> classes, Path dir) {
        return SuiteRun.of(classes, SuiteRun.pooled(Map.of("target", "replay",
                SuiteSettings.OPTIONS_JSON, SuiteSettings.optionsJson(Map.of("dir", dir.toString()))), 2));
    }

    /**
     * Every check the recording calls replayable has its recorded verdict on the replay, or was
     * found to send what the recording does not hold (a fresh name) and skipped for it; every other
     * check is skipped as not replayable.
     */
    static void assertReplayedAsRecorded(RecordedRun recording, SuiteRun recorded, SuiteRun replayed) {
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> got = new TreeMap<>();
        int strayed = 0;
        for (RecordedCheck check : recording.checks().values()) {
            String verdict = replayed.verdicts().getOrDefault(check.id(), "(not in the replay)");
            if (!check.replayable()) {
                assertThat(verdict).as("%s, not replayable", check.id()).contains("not replayable: ");
            } else if (verdict.contains("not replayable: sent ")) {
                strayed++;
            } else {
                expected.put(check.id(), check.status());
                got.put(check.id(), verdict);
            }
        }
        System.out.printf("replay of %s: %d checks recorded, %d replayed with their verdicts, %d skipped for a fresh"
                + " name, %d not replayable%n", recording.target(), recording.checks().size(), expected.size(), strayed,
                recording.checks().size() - expected.size() - strayed);
        assertThat(got).isEqualTo(expected);
        assertThat(expected).as("checks replayed with a verdict").hasSizeGreaterThan(recording.checks().size() / 4);
        assertThat(recording.checks().keySet()).as("every check that ran on the recorded target is in the recording")
                .containsAll(recorded.passed().stream().map(SuiteRun.Outcome::check).toList());
    }
}
