package io.uconform.cli;

import io.uconform.report.DiffResult;
import io.uconform.report.ReportDiff;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code uconform diff old.json new.json}, the CI gate: exit 1 on a new failure, on a check that
 * passed before and does not now (failed, skipped, not run, not claimed, waived, missing), on fewer
 * checks run, or on an interrupted new run.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two report.json files (the CI gate): new failures, passes lost, checks run, fixes, latency.",
            "Exit 1 when a check fails that did not before, a check that passed is now failed, skipped, not run,",
            "not claimed, waived or missing, fewer checks ran, or the new run was interrupted; 0 otherwise; 2 bad input."})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "report.json of the earlier run")
    Path oldReport;

    @Parameters(index = "1", paramLabel = "NEW", description = "report.json of the later run")
    Path newReport;

    @Override
    public Integer call() {
        DiffResult diff = ReportDiff.compare(oldReport, newReport);
        spec.commandLine().getOut().print(diff.text());
        spec.commandLine().getOut().flush();
        return diff.exitCode() == 0 ? Uconform.OK : Uconform.CHECKS_FAILED;
    }
}
