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

    private static List<CheckRecord> passing(int n) {
        List<CheckRecord> checks = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            checks.add(check("C.c" + i, "KA-" + (i + 1), "sim", CheckStatus.PASSED, 5));
        }
        return checks;
    }

    private static List<CheckRecord> withStatus(List<CheckRecord> checks, int from, int to, CheckStatus status, String reason) {
        List<CheckRecord> out = new java.util.ArrayList<>(checks);
        for (int i = from; i < to; i++) {
            CheckRecord c = out.get(i);
            out.set(i, new CheckRecord(c.id(), c.requirement(), c.group(), c.target(), status, reason, 0, "", ""));
        }
        return out;
    }

    @Test
    void passesThatBecomeNotRunFailTheGateAndAreCounted() throws Exception {
        Path old = write("old.json", passing(289));
        Path now = write("new.json", withStatus(passing(289), 0, 50, CheckStatus.NOT_RUN, "not run: target down (after X.y)"));

        DiffResult diff = ReportDiff.compare(old, now);

        assertThat(diff.exitCode()).isEqualTo(1);
        assertThat(diff.lostPasses()).hasSize(50);
        assertThat(diff.text()).contains("passed before, not passed now: 50", "now not run: 50",
                "KA-1  C.c0  not run: target down (after X.y)", "checks run: 289 -> 239 (50 fewer)",
                "gate: FAIL (50 checks no longer passing, 50 fewer checks run)");
    }

    @Test
    void everyCheckSkippedFailsTheGate() throws Exception {
        Path old = write("old.json", passing(20));
        Path now = write("new.json", withStatus(passing(20), 0, 20, CheckStatus.SKIPPED, "no route bound"));

        DiffResult diff = ReportDiff.compare(old, now);

        assertThat(diff.exitCode()).isEqualTo(1);
        assertThat(diff.text()).contains("now skipped: 20", "checks run: 20 -> 0 (20 fewer)");
    }

    @Test
    void vanishedChecksFailTheGateAsMissing() throws Exception {
        Path old = write("old.json", passing(289));
        Path now = write("new.json", passing(100));

        DiffResult diff = ReportDiff.compare(old, now);

        assertThat(diff.exitCode()).isEqualTo(1);
        assertThat(diff.lostPassesByStatus()).containsOnlyKeys("missing");
        assertThat(diff.text()).contains("now missing: 189", "KA-289  C.c288  not in the new report",
                "checks run: 289 -> 100 (189 fewer)");
    }

    @Test
    void passesThatAreNowWaivedOrNotClaimedFailTheGate() throws Exception {
        List<CheckRecord> now = withStatus(passing(4), 0, 1, CheckStatus.WAIVED, "waived: known");
        now = withStatus(now, 1, 2, CheckStatus.NOT_CLAIMED, "not claimed by profile x");

        DiffResult diff = ReportDiff.compare(write("old.json", passing(4)), write("new.json", now));

        assertThat(diff.exitCode()).isEqualTo(1);
        assertThat(diff.lostPassesByStatus()).containsOnlyKeys("not claimed", "waived");
    }

    @Test
    void fewerChecksRunFailsTheGateEvenWhenNoPassWasLost() throws Exception {
        List<CheckRecord> before = withStatus(passing(3), 0, 1, CheckStatus.FAILED, "expected 200");
        List<CheckRecord> after = withStatus(passing(3), 0, 1, CheckStatus.NOT_RUN, "not run: target down");

        DiffResult diff = ReportDiff.compare(write("old.json", before), write("new.json", after));

        assertThat(diff.lostPasses()).isEmpty();
        assertThat(diff.newFailures()).isEmpty();
        assertThat(diff.exitCode()).isEqualTo(1);
        assertThat(diff.verdict()).isEqualTo("gate: FAIL (1 fewer checks run)");
    }

    @Test
    void anInterruptedNewRunFailsTheGate() throws Exception {
        RunReport partial = new RunReport(Instant.parse("2026-11-21T10:00:00Z"), Instant.parse("2026-11-21T10:00:05Z"),
                List.of(new TargetRecord("sim", "reference", Map.of(), List.of())), passing(3), "interrupted by a signal");
        Path now = dir.resolve("partial.json");
        ReportJson.write(partial, now);

        DiffResult diff = ReportDiff.compare(write("old.json", passing(3)), now);

        assertThat(diff.exitCode()).isEqualTo(1);
        assertThat(diff.text()).startsWith("the new run was interrupted (interrupted by a signal): its report is partial");
    }

    @Test
    void sameRunTwiceIsOk() throws Exception {
        DiffResult diff = ReportDiff.compare(write("old.json", passing(5)), write("new.json", passing(5)));

        assertThat(diff.exitCode()).isZero();
        assertThat(diff.verdict()).isEqualTo("gate: ok");
    }
}
