package io.uconform.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two runs. {@link #exitCode()} is 1 (for CI) when a check fails that did not
 * fail before, when a check that passed before does not pass now (whatever it became, missing
 * included), when fewer checks ran, or when the new run was interrupted; else 0.
 *
 * @param lostPasses checks passed before and now skipped, not run, not claimed, waived or missing
 *                   (a pass that became a failure is in {@code newFailures})
 * @param interrupted the new run's interruption, empty when it finished
 */
public record DiffResult(List<Change> newFailures, List<Change> lostPasses, List<Change> fixes, List<Latency> latencies,
                         RunCounts ran, String interrupted) {

    /** A check whose status changed. */
    public record Change(String check, String requirement, String before, String after, String reason) {
    }

    /** Checks that ran to a verdict (passed or failed) in each run. */
    public record RunCounts(int before, int after) {
        boolean dropped() {
            return after < before;
        }
    }

    /** Durations of a check that passed in both runs. */
    public record Latency(String check, long beforeMs, long afterMs) {

        /** after / before; durations under 1 ms count as 1 ms. */
        public double ratio() {
            return (double) Math.max(1, afterMs) / Math.max(1, beforeMs);
        }

        boolean notable() {
            double r = ratio();
            return Math.abs(afterMs - beforeMs) >= ReportDiff.MIN_DELTA_MS
                    && (r >= ReportDiff.RATIO_THRESHOLD || r <= 1 / ReportDiff.RATIO_THRESHOLD);
        }
    }

    public DiffResult {
        newFailures = List.copyOf(newFailures);
        lostPasses = List.copyOf(lostPasses);
        fixes = List.copyOf(fixes);
        latencies = List.copyOf(latencies);
        interrupted = interrupted == null ? "" : interrupted;
    }

    public int exitCode() {
        return newFailures.isEmpty() && lostPasses.isEmpty() && !ran.dropped() && interrupted.isEmpty() ? 0 : 1;
    }

    public List<Latency> notableLatencies() {
        return latencies.stream().filter(Latency::notable).toList();
    }

    /** Median over the checks that passed in both runs of before, after, and after/before. */
    public double[] medians() {
        if (latencies.isEmpty()) {
            return new double[] {0, 0, 1};
        }
        return new double[] {median(latencies.stream().mapToDouble(Latency::beforeMs).toArray()),
            median(latencies.stream().mapToDouble(Latency::afterMs).toArray()),
            median(latencies.stream().mapToDouble(Latency::ratio).toArray())};
    }

    /** Lost passes by what they became, in a stable order. */
    public Map<String, List<Change>> lostPassesByStatus() {
        Map<String, List<Change>> grouped = new LinkedHashMap<>();
        for (String status : List.of("skipped", "not run", "not claimed", "waived", ReportDiff.MISSING)) {
            List<Change> of = lostPasses.stream().filter(c -> c.after().equals(status)).toList();
            if (!of.isEmpty()) {
                grouped.put(status, of);
            }
        }
        return grouped;
    }

    public String text() {
        StringBuilder s = new StringBuilder();
        if (!interrupted.isEmpty()) {
            s.append("the new run was interrupted (").append(firstLine(interrupted)).append("): its report is partial\n");
        }
        s.append("new failures: ").append(newFailures.size()).append('\n');
        newFailures.forEach(c -> s.append("  ").append(c.requirement()).append("  ").append(c.check())
                .append("  (").append(c.before()).append(" -> failed) ").append(firstLine(c.reason())).append('\n'));
        s.append("passed before, not passed now: ").append(lostPasses.size()).append('\n');
        lostPassesByStatus().forEach((status, changes) -> {
            s.append("  now ").append(status).append(": ").append(changes.size()).append('\n');
            changes.forEach(c -> s.append("    ").append(c.requirement()).append("  ").append(c.check())
                    .append(c.reason().isEmpty() ? "" : "  " + firstLine(c.reason())).append('\n'));
        });
        s.append("checks run: ").append(ran.before()).append(" -> ").append(ran.after());
        if (ran.dropped()) {
            s.append(" (").append(ran.before() - ran.after()).append(" fewer)");
        }
        s.append('\n');
        s.append("fixes: ").append(fixes.size()).append('\n');
        fixes.forEach(c -> s.append("  ").append(c.requirement()).append("  ").append(c.check()).append('\n'));
        double[] m = medians();
        s.append("latency over ").append(latencies.size()).append(" checks passing in both: median ")
                .append(Math.round(m[0])).append(" ms -> ").append(Math.round(m[1])).append(" ms, median ratio ")
                .append(ReportDiff.ratio(m[2])).append('\n');
        notableLatencies().forEach(l -> s.append("  ").append(l.check()).append("  ").append(l.beforeMs())
                .append(" ms -> ").append(l.afterMs()).append(" ms (x").append(ReportDiff.ratio(l.ratio())).append(")\n"));
        s.append(verdict()).append('\n');
        return s.toString();
    }

    /** One line: {@code gate: FAIL (1 new failure, 50 passes lost, 189 fewer checks run)} or {@code gate: ok}. */
    public String verdict() {
        List<String> why = new java.util.ArrayList<>();
        if (!newFailures.isEmpty()) {
            why.add(newFailures.size() + " new failure" + (newFailures.size() == 1 ? "" : "s"));
        }
        if (!lostPasses.isEmpty()) {
            why.add(lostPasses.size() + " check" + (lostPasses.size() == 1 ? "" : "s") + " no longer passing");
        }
        if (ran.dropped()) {
            why.add((ran.before() - ran.after()) + " fewer checks run");
        }
        if (!interrupted.isEmpty()) {
            why.add("the new run was interrupted");
        }
        return why.isEmpty() ? "gate: ok" : "gate: FAIL (" + String.join(", ", why) + ")";
    }

    private static String firstLine(String text) {
        return text == null ? "" : io.uconform.console.VisibleText.oneLine(text.lines().findFirst().orElse(""));
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
