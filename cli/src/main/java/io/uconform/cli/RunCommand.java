package io.uconform.cli;

import io.uconform.console.VisibleText;
import io.uconform.profile.Profiles;
import io.uconform.report.CheckRecord;
import io.uconform.report.CheckStatus;
import io.uconform.report.NotVerified;
import io.uconform.report.ReportListener;
import io.uconform.report.RunReport;
import io.uconform.spi.Availability;
import io.uconform.spi.TargetKind;
import io.uconform.spi.TargetKinds;
import io.uconform.spi.TargetSpec;
import io.uconform.suite.Shard;
import io.uconform.suite.SuiteParallelism;
import io.uconform.suite.SuiteSettings;
import io.uconform.suite.TargetSelection;
import io.uconform.suite.TargetsFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code uconform run}: the conformance suite against one target (or a targets file). */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the conformance suite against a target and write the reports.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {Uconform.OK + ":every check passed (or was skipped, not claimed or waived)",
            Uconform.CHECKS_FAILED + ":a check failed or could not run (target down), or a claimed group was not verified"
                + " (all its checks skipped)",
            Uconform.BAD_INPUT + ":bad input: unknown kind, option or profile, malformed value, credentials file or report dir",
            Uconform.TARGET_DID_NOT_START + ":the target could not be reached or did not start",
            Uconform.INTERRUPTED_SIGINT + ":interrupted by SIGINT (Ctrl-C): partial report (marked interrupted) written",
            Uconform.INTERRUPTED_SIGTERM + ":interrupted by SIGTERM: likewise"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--target", defaultValue = "sim", description = "target kind, one of those listed below (default: ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--option", paramLabel = "NAME=VALUE", description = "a target option, e.g. url=http://192.168.1.20 (repeatable)")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--profile", description = "profile name or path to a profile .json (default: the target kind's:"
            + " firmware for host and esp32 running the reference firmware, which has no TLS; else reference)")
    String profile;

    @Option(names = "--targets", description = "a targets file: JSON array of {kind, options, profile}; overrides --target")
    Path targetsFile;

    @Option(names = "--report-dir", defaultValue = "uconform-report", description = "where reports go (default: ${DEFAULT-VALUE})")
    Path reportDir;

    @Option(names = "--check-timeout", paramLabel = "SECONDS", description = "hard timeout per check (default: 30)")
    Double checkTimeoutSeconds;

    @Option(names = "--pool", paramLabel = "N|auto", defaultValue = "auto", description = "instances of the target"
            + " the checks are spread over, each check on one of its own (default: ${DEFAULT-VALUE}: sim picks from"
            + " the cores, other kinds 1; 1 = one instance, checks one after another)")
    String pool;

    @Option(names = "--shard", paramLabel = "I/N", description = "run only the I-th of N stable slices of the checks"
            + " (by a hash of each check's id); join the shards' report.json files with uconform merge")
    String shard;

    /** Where the checks are found; only the CLI's own tests change it. */
    @Option(names = "--record", paramLabel = "DIR", description = "record every check's HTTP exchanges (WireMock"
            + " mappings), console lines, timing and the target's facts into DIR, masked; replay with --target replay"
            + " --option dir=DIR")
    Path record;

    @Option(names = "--checks-package", hidden = true, defaultValue = SuiteRun.CHECKS_PACKAGE)
    String checksPackage;

    @Option(names = "--verbose", description = "show the log of in-process targets and of JUnit discovery")
    boolean verbose;

    @Option(names = "--explain", description = "list every check with what it needs from the profile and whether it "
            + "would run, be skipped (and why), not claimed or waived; runs nothing")
    boolean explain;

    @Override
    public Integer call() {
        if (!verbose) {
            // in-process targets (sim) log through java.util.logging; their evidence is in the report
            java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
        }
        int poolSize = TargetSelection.parsePool(pool);
        java.util.Optional<Shard> slice = shard == null ? java.util.Optional.empty() : java.util.Optional.of(Shard.parse(shard));
        String claimed = profile(profile, targetsFile != null, target, options);
        List<TargetSelection> selections = (targetsFile != null ? TargetsFile.read(targetsFile, claimed)
                : List.of(new TargetSelection(target, options, claimed))).stream()
                .map(s -> s.pool() == TargetSelection.AUTO_POOL ? s.withPool(poolSize) : s).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (explain) {
            selections.stream().map(TargetSelection::profile).distinct()
                    .forEach(p -> io.uconform.suite.Explain.print(Profiles.load(p), checksPackage, out));
            return Uconform.OK;
        }
        ReportDirectory.requireWritable(reportDir);
        selections.forEach(RunCommand::validate);
        if (record != null) {
            if (selections.size() > 1) {
                throw new IllegalArgumentException("--record takes one target (the targets file names "
                        + selections.size() + "); record them one by one");
            }
            io.uconform.record.Recording.into(record);  // refused before any work when it holds a recording
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(ReportListener.REPORT_DIR, reportDir.toString());
        parameters.put(SuiteSettings.PROFILE, claimed);
        if (targetsFile != null) {
            parameters.put(SuiteSettings.TARGETS, targetsFile.toAbsolutePath().toString());
        } else {
            parameters.put(SuiteSettings.TARGET, target);
            // as structured data: a value may hold ';', '=' or anything else a password can
            parameters.put(SuiteSettings.OPTIONS_JSON, SuiteSettings.optionsJson(options));
        }
        if (checkTimeoutSeconds != null) {
            parameters.put(SuiteSettings.CHECK_TIMEOUT, checkTimeoutSeconds.toString());
        }
        parameters.put(SuiteSettings.POOL, pool);
        if (record != null) {
            parameters.put(io.uconform.record.Recording.PARAMETER, record.toAbsolutePath().toString());
        }
        parameters.putAll(SuiteParallelism.parameters(SuiteParallelism.instances(selections)));
        out.println("uconform: running the conformance suite against "
                + selections.stream().map(TargetSelection::describe).collect(Collectors.joining(", ")));
        slice.ifPresent(s -> out.println("uconform: shard " + s + " of the checks (join the shards with uconform merge)"));
        out.flush();
        SuiteRun run = SuiteRun.execute(checksPackage, parameters, slice, reportDir, out);
        if (run.report().isEmpty() && slice.isPresent()) {
            return emptyShard(slice.get(), run, out);
        }
        RunReport report = run.report().orElseThrow(() -> new IllegalArgumentException(
                "no conformance checks found on the class path (package " + checksPackage + ")"));
        String startFailure = startFailure(report);
        if (startFailure != null) {
            spec.commandLine().getErr().println("uconform: " + Uconform.firstLine(startFailure));
            spec.commandLine().getErr().flush();
            return Uconform.TARGET_DID_NOT_START;
        }
        summarize(report, run, out);
        boolean allGood = report.checks().stream().noneMatch(c -> c.status() == CheckStatus.FAILED || c.status() == CheckStatus.NOT_RUN);
        // a claimed group none of whose checks ran proves nothing: the run is not a pass
        return allGood && NotVerified.of(report).isEmpty() ? Uconform.OK : Uconform.CHECKS_FAILED;
    }

    /**
     * The profile the run claims: the one given, else {@code reference} for a targets file (its
     * entries name their own), else the kind's {@link TargetKind#defaultProfile}.
     */
    static String profile(String given, boolean targetsFile, String kind, Map<String, String> options) {
        if (given != null) {
            return given;
        }
        return targetsFile ? "reference" : TargetKinds.require(kind).defaultProfile(options);
    }

    /**
     * Found before anything runs: bad input (unknown kind or profile, malformed or unknown options,
     * a pool the kind cannot have: exit 2), then a target that cannot be reached or started here (exit 3).
     */
    private static void validate(TargetSelection selection) {
        io.uconform.profile.Profile loaded = Profiles.load(selection.profile());
        TargetKind kind = TargetKinds.require(selection.kind());
        TargetSpec targetSpec = new TargetSpec(selection.kind(), selection.options(), loaded);
        for (TargetSpec member : kind.poolMembers(targetSpec, SuiteParallelism.size(selection))) {
            kind.create(member).close();
            Availability availability = kind.availability(member);
            if (!availability.isAvailable()) {
                throw new TargetUnavailable(availability.reason());
            }
        }
    }

    /** A shard that holds none of the checks writes an empty report, so that merge finds one from every shard. */
    private static Integer emptyShard(Shard slice, SuiteRun run, PrintWriter out) {
        java.time.Instant now = java.time.Instant.now();
        try {
            io.uconform.report.ReportJson.write(new RunReport(now, now, List.of(), List.of()),
                    run.reportDir().resolve("report.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + run.reportDir().resolve("report.json") + ": "
                    + e.getMessage(), e);
        }
        out.println("uconform: shard " + slice + " holds none of the checks; empty report.json: "
                + run.reportDir().resolve("report.json").toAbsolutePath());
        out.flush();
        return Uconform.OK;
    }

    /** When every check that was meant to run could not because the target did not start: that reason. */
    private static String startFailure(RunReport report) {
        String prefix = "not run: target failed to start: ";
        List<CheckRecord> meant = report.checks().stream()
                .filter(c -> c.status() != CheckStatus.NOT_CLAIMED && c.status() != CheckStatus.WAIVED).toList();
        if (meant.isEmpty() || !meant.stream().allMatch(c -> c.reason().startsWith(prefix))) {
            return null;
        }
        return meant.get(0).reason().substring(prefix.length());
    }

    private static void summarize(RunReport report, SuiteRun run, PrintWriter out) {
        Map<CheckStatus, Integer> totals = report.totals();
        out.println();
        out.printf("uconform: %d checks: %d passed, %d failed, %d skipped, %d not claimed, %d waived, %d not run%n",
                report.checks().size(), totals.get(CheckStatus.PASSED), totals.get(CheckStatus.FAILED),
                totals.get(CheckStatus.SKIPPED), totals.get(CheckStatus.NOT_CLAIMED), totals.get(CheckStatus.WAIVED),
                totals.get(CheckStatus.NOT_RUN));
        report.targets().forEach(t -> t.events().forEach(e -> out.println("uconform: " + VisibleText.oneLine(e))));
        NotVerified.of(report).forEach(n -> out.println("uconform: " + VisibleText.oneLine(n.describe())));
        out.println("  report.html: " + run.reportDir().resolve("report.html").toAbsolutePath());
        out.println("  report.json: " + run.reportDir().resolve("report.json").toAbsolutePath());
        out.println("  JUnit XML:   " + run.junitXml().toAbsolutePath());
        out.flush();
    }
}
