package io.uconform.cli;

import io.uconform.report.CheckStatus;
import io.uconform.report.ReportHtml;
import io.uconform.report.ReportJson;
import io.uconform.report.ReportJunitXml;
import io.uconform.report.ReportMerge;
import io.uconform.report.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code uconform merge a.json b.json ...}: joins the report.json files of the shards of one run
 * ({@code run --shard i/n}) into one report.json, report.html and JUnit XML, which {@code diff}
 * compares like any run's. Exit 1 when the joined report has a failed or not-run check.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Join the report.json files of the shards of one run (run --shard i/n) into one report.")
final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "REPORT", description = "report.json of each shard")
    List<Path> reports;

    @Option(names = "--report-dir", defaultValue = "uconform-report", description = "where the joined report goes (default: ${DEFAULT-VALUE})")
    Path reportDir;

    @Override
    public Integer call() throws IOException {
        RunReport merged = ReportMerge.merge(reports);
        Path json = reportDir.resolve("report.json");
        for (Path input : reports) {
            if (input.toAbsolutePath().normalize().equals(json.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("the joined report would overwrite its input " + input
                        + "; choose another --report-dir");
            }
        }
        ReportJson.write(merged, json);
        ReportHtml.write(merged, reportDir.resolve("report.html"));
        Path xml = reportDir.resolve("TEST-uconform-merged.xml");
        ReportJunitXml.write(merged, xml);
        Map<CheckStatus, Integer> totals = merged.totals();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("uconform: merged %d reports: %d checks: %d passed, %d failed, %d skipped, %d not claimed, %d waived,"
                        + " %d not run%n", reports.size(), merged.checks().size(), totals.get(CheckStatus.PASSED),
                totals.get(CheckStatus.FAILED), totals.get(CheckStatus.SKIPPED), totals.get(CheckStatus.NOT_CLAIMED),
                totals.get(CheckStatus.WAIVED), totals.get(CheckStatus.NOT_RUN));
        out.println("  report.html: " + reportDir.resolve("report.html").toAbsolutePath());
        out.println("  report.json: " + json.toAbsolutePath());
        out.println("  JUnit XML:   " + xml.toAbsolutePath());
        out.flush();
        boolean allGood = totals.get(CheckStatus.FAILED) == 0 && totals.get(CheckStatus.NOT_RUN) == 0;
        return allGood ? Uconform.OK : Uconform.CHECKS_FAILED;
    }
}
