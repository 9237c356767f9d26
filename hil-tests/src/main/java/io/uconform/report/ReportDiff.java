package io.uconform.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares two runs ({@code report.json} of build N-1 and build N) as a CI gate: new failures, checks
 * that passed before and do not now (failed, skipped, not run, not claimed, waived or missing: the
 * earlier pass is no longer shown), a drop in the number of checks that ran, fixes and latency
 * changes. Checks are matched by check ID and target; when each run has a single target (e.g. a
 * device whose URL changed) by check ID alone.
 */
public final class ReportDiff {

    /** A latency change is listed when the check got this many times slower or faster ... */
    static final double RATIO_THRESHOLD = 2.0;
    /** ... and the difference is at least this large (noise on fast checks is not news). */
    static final long MIN_DELTA_MS = 50;
    static final String MISSING = "missing";

    private ReportDiff() {
    }

    public static DiffResult compare(Path oldReport, Path newReport) {
        return compare(ReportJson.read(oldReport), ReportJson.read(newReport));
    }

    public static DiffResult compare(RunReport old, RunReport now) {
        boolean byIdOnly = targets(old).size() == 1 && targets(now).size() == 1;
        Map<String, CheckRecord> before = index(old, byIdOnly);
        Map<String, CheckRecord> after = index(now, byIdOnly);
        List<DiffResult.Change> newFailures = new ArrayList<>();
        List<DiffResult.Change> lostPasses = new ArrayList<>();
        List<DiffResult.Change> fixes = new ArrayList<>();
        List<DiffResult.Latency> latencies = new ArrayList<>();
        after.forEach((key, c) -> {
            CheckRecord was = before.get(key);
            String previous = was == null ? "absent" : was.status().label();
            if (c.status() == CheckStatus.FAILED && (was == null || was.status() != CheckStatus.FAILED)) {
                newFailures.add(new DiffResult.Change(key, c.requirement(), previous, c.status().label(), c.reason()));
            } else if (was != null && was.status() == CheckStatus.PASSED && c.status() != CheckStatus.PASSED) {
                lostPasses.add(new DiffResult.Change(key, c.requirement(), previous, c.status().label(), c.reason()));
            } else if (was != null && was.status() == CheckStatus.FAILED && c.status() == CheckStatus.PASSED) {
                fixes.add(new DiffResult.Change(key, c.requirement(), previous, c.status().label(), ""));
            }
            if (was != null && was.status() == CheckStatus.PASSED && c.status() == CheckStatus.PASSED) {
                latencies.add(new DiffResult.Latency(key, was.durationMs(), c.durationMs()));
            }
        });
        before.forEach((key, was) -> {
            if (was.status() == CheckStatus.PASSED && !after.containsKey(key)) {
                lostPasses.add(new DiffResult.Change(key, was.requirement(), was.status().label(), MISSING,
                        "not in the new report"));
            }
        });
        return new DiffResult(newFailures, lostPasses, fixes, latencies,
                new DiffResult.RunCounts(ran(old), ran(now)), now.interrupted());
    }

    /** Checks that ran to a verdict of their own: passed or failed. */
    private static int ran(RunReport report) {
        return (int) report.checks().stream()
                .filter(c -> c.status() == CheckStatus.PASSED || c.status() == CheckStatus.FAILED).count();
    }

    private static List<String> targets(RunReport report) {
        return report.checks().stream().map(CheckRecord::target).distinct().toList();
    }

    private static Map<String, CheckRecord> index(RunReport report, boolean byIdOnly) {
        Map<String, CheckRecord> map = new LinkedHashMap<>();
        report.checks().forEach(c -> map.put(byIdOnly ? c.id() : c.id() + " [" + c.target() + "]", c));
        return map;
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f", r);
    }
}
