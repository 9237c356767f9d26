package io.uconform.cli;

import io.uconform.report.DiffResult;
import io.uconform.report.ReportDiff;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code uconform diff old.json new.json}: new failures, fixes, latency; exit 1 on new failures. */
@Command(name = "diff", mixinStandardHelpOptions = true, description = "Compare two report.json files: new failures, fixes, latency changes.")
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
