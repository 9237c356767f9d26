package io.uconform.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DifferingVerdictsTest {

    private static CheckRecord check(String req, String target, CheckStatus status) {
        return new CheckRecord(req + "-check", req, req.substring(0, req.indexOf('-')), target, status,
                "", 1, "", "");
    }

    private static RunReport report(CheckRecord... checks) {
        return new RunReport(Instant.EPOCH, Instant.EPOCH.plusSeconds(1), List.of(), List.of(checks));
    }

    @Test
    void listsOnlyRequirementsWhoseVerdictDiffersOrIsAbsentOnATarget() {
        RunReport report = report(
                check("KA-01", "sim", CheckStatus.PASSED), check("KA-01", "host", CheckStatus.PASSED),
                check("KA-04", "sim", CheckStatus.PASSED), check("KA-04", "host", CheckStatus.FAILED),
                check("TLS-01", "sim", CheckStatus.PASSED));

        assertThat(report.differingVerdicts()).containsOnlyKeys("KA-04", "TLS-01");
        assertThat(report.differingVerdicts().get("KA-04"))
                .isEqualTo(Map.of("sim", CheckStatus.PASSED, "host", CheckStatus.FAILED));
        assertThat(ReportHtml.render(report)).contains("Verdicts that differ between targets (2)");
    }

    @Test
    void aSingleTargetHasNoDifferencesAndNoSection() {
        RunReport report = report(check("KA-04", "sim", CheckStatus.FAILED));

        assertThat(report.differingVerdicts()).isEmpty();
        assertThat(ReportHtml.render(report)).doesNotContain("differ between targets");
    }

    @Test
    void sameVerdictsEverywhereSayNone() {
        RunReport report = report(check("KA-01", "sim", CheckStatus.PASSED), check("KA-01", "host", CheckStatus.PASSED));

        assertThat(ReportHtml.render(report)).contains("Verdicts that differ between targets (0)").contains("none:");
    }
}
