package io.uconform.report;

import java.util.List;

/**
 * What changed between two runs. {@link #exitCode()} is 1 when there are new failures (for CI),
 * else 0.
 */
public record DiffResult(List<Change> newFailures, List<Change> fixes, List<Latency> latencies) {

    /** A check whose status changed. */
    public record Change(String check, String requirement, String before, String after, String reason) {
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
        fixes = List.copyOf(fixes);
        latencies = List.copyOf(latencies);
    }

    public int exitCode() {
        return newFailures.isEmpty() ? 0 : 1;
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

    public String text() {
        StringBuilder s = new StringBuilder();
        s.append("new failures: ").append(newFailures.size()).append('\n');
        newFailures.forEach(c -> s.append("  ").append(c.requirement()).append("  ").append(c.check())
                .append("  (").append(c.before()).append(" -> failed) ").append(firstLine(c.reason())).append('\n'));
        s.append("fixes: ").append(fixes.size()).append('\n');
        fixes.forEach(c -> s.append("  ").append(c.requirement()).append("  ").append(c.check()).append('\n'));
        double[] m = medians();
        s.append("latency over ").append(latencies.size()).append(" checks passing in both: median ")
                .append(Math.round(m[0])).append(" ms -> ").append(Math.round(m[1])).append(" ms, median ratio ")
                .append(ReportDiff.ratio(m[2])).append('\n');
        notableLatencies().forEach(l -> s.append("  ").append(l.check()).append("  ").append(l.beforeMs())
                .append(" ms -> ").append(l.afterMs()).append(" ms (x").append(ReportDiff.ratio(l.ratio())).append(")\n"));
        return s.toString();
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
