package io.uconform.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDiffTest {

    @TempDir
    Path dir;

    private static CheckRecord check(String id, String req, String target, CheckStatus status, long ms) {
        return new CheckRecord(id, req, req.substring(0, req.indexOf('-')), target, status,
                status == CheckStatus.FAILED ? "expected 200 but was 500" : "", ms, "", "");
    }

    private Path write(String name, List<CheckRecord> checks) throws Exception {
        RunReport report = new RunReport(Instant.parse("2026-11-21T10:00:00Z"), Instant.parse("2026-11-21T10:00:05Z"),
                List.of(new TargetRecord("sim", "reference", Map.of(), List.of())), checks);
        Path file = dir.resolve(name);
        ReportJson.write(report, file);
        return file;
    }

    @Test
    void newFailureGivesExitCodeOneAndNamesTheCheck() throws Exception {
        Path old = write("old.json", List.of(check("A.a", "KA-01", "sim", CheckStatus.PASSED, 10),
                check("A.b", "KA-02", "sim", CheckStatus.FAILED, 10)));
        Path now = write("new.json", List.of(check("A.a", "KA-01", "sim", CheckStatus.FAILED, 10),
                check("A.b", "KA-02", "sim", CheckStatus.PASSED, 10)));

        DiffResult diff = ReportDiff.compare(old, now);

        assertThat(diff.exitCode()).isEqualTo(1);
        assertThat(diff.newFailures()).extracting(DiffResult.Change::check).containsExactly("A.a");
        assertThat(diff.fixes()).extracting(DiffResult.Change::check).containsExactly("A.b");
        assertThat(diff.text()).contains("new failures: 1", "KA-01  A.a  (passed -> failed) expected 200 but was 500",
                "fixes: 1");
    }

    @Test
    void onlyFixesAndLatencyGiveExitCodeZeroWithMediansAndNotableChanges() throws Exception {
        Path old = write("old.json", List.of(check("A.a", "KA-01", "sim", CheckStatus.PASSED, 100),
                check("A.b", "KA-02", "sim", CheckStatus.PASSED, 10), check("A.c", "KA-03", "sim", CheckStatus.FAILED, 5)));
        Path now = write("new.json", List.of(check("A.a", "KA-01", "sim", CheckStatus.PASSED, 400),
                check("A.b", "KA-02", "sim", CheckStatus.PASSED, 12), check("A.c", "KA-03", "sim", CheckStatus.PASSED, 5)));

        DiffResult diff = ReportDiff.compare(old, now);

        assertThat(diff.exitCode()).isZero();
        assertThat(diff.medians()).containsExactly(55.0, 206.0, 2.6);
        assertThat(diff.notableLatencies()).extracting(DiffResult.Latency::check).containsExactly("A.a");
        assertThat(diff.text()).contains("new failures: 0", "fixes: 1", "median 55 ms -> 206 ms, median ratio 2.60",
                "A.a  100 ms -> 400 ms (x4.00)");
    }

    @Test
    void aCheckAbsentBeforeThatFailsNowIsANewFailure() throws Exception {
        Path old = write("old.json", List.of(check("A.a", "KA-01", "sim", CheckStatus.PASSED, 1)));
        Path now = write("new.json", List.of(check("A.a", "KA-01", "sim", CheckStatus.PASSED, 1),
                check("A.z", "KA-05", "sim", CheckStatus.FAILED, 1)));

        assertThat(ReportDiff.compare(old, now).newFailures()).extracting(DiffResult.Change::before).containsExactly("absent");
    }

    @Test
    void malformedReportIsOneClearLine() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\":\"something else\"}");

        assertThatThrownBy(() -> ReportJson.read(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(bad + " is not a uconform report.json (format uconform-report/1)");
    }
}
