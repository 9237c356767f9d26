package io.uconform.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one run produced: targets, checks, and the verdicts derived from them. Immutable.
 *
 * @param interrupted empty for a run that finished; else why it stopped early (a partial report)
 */
public record RunReport(Instant startedAt, Instant finishedAt, List<TargetRecord> targets, List<CheckRecord> checks,
                        String interrupted) {

    public RunReport {
        targets = List.copyOf(targets);
        checks = List.copyOf(checks);
        interrupted = interrupted == null ? "" : interrupted;
    }

    /** A run that finished. */
    public RunReport(Instant startedAt, Instant finishedAt, List<TargetRecord> targets, List<CheckRecord> checks) {
        this(startedAt, finishedAt, targets, checks, "");
    }

    public boolean wasInterrupted() {
        return !interrupted.isEmpty();
    }

    /** Requirement ID (sorted) to target name to verdict. */
    public Map<String, Map<String, CheckStatus>> verdicts() {
        Map<String, Map<String, List<CheckStatus>>> grouped = new TreeMap<>(RunReport::compareIds);
        for (CheckRecord c : checks) {
            grouped.computeIfAbsent(c.requirement(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(c.target(), k -> new ArrayList<>()).add(c.status());
        }
        Map<String, Map<String, CheckStatus>> verdicts = new LinkedHashMap<>();
        grouped.forEach((req, byTarget) -> {
            Map<String, CheckStatus> row = new LinkedHashMap<>();
            byTarget.forEach((target, statuses) -> row.put(target, CheckStatus.verdict(statuses)));
            verdicts.put(req, row);
        });
        return verdicts;
    }

    /**
     * Requirements whose verdict is not the same on every target of the run (the sim vs host vs
     * esp32 comparison); a requirement missing on one target counts as differing. Empty with one target.
     */
    public Map<String, Map<String, CheckStatus>> differingVerdicts() {
        List<String> names = checks.stream().map(CheckRecord::target).distinct().toList();
        Map<String, Map<String, CheckStatus>> differing = new LinkedHashMap<>();
        if (names.size() < 2) {
            return differing;
        }
        verdicts().forEach((requirement, row) -> {
            if (row.size() < names.size() || row.values().stream().distinct().count() > 1) {
                differing.put(requirement, row);
            }
        });
        return differing;
    }

    /** Checks per status. */
    public Map<CheckStatus, Integer> totals() {
        Map<CheckStatus, Integer> totals = new EnumMap<>(CheckStatus.class);
        for (CheckStatus s : CheckStatus.values()) {
            totals.put(s, 0);
        }
        checks.forEach(c -> totals.merge(c.status(), 1, Integer::sum));
        return totals;
    }

    /** Group to status to count. */
    public Map<String, Map<CheckStatus, Integer>> groups() {
        Map<String, Map<CheckStatus, Integer>> groups = new TreeMap<>();
        checks.forEach(c -> groups.computeIfAbsent(c.group(), k -> new EnumMap<>(CheckStatus.class))
                .merge(c.status(), 1, Integer::sum));
        return groups;
    }

    public long failedCount() {
        return checks.stream().filter(c -> c.status() == CheckStatus.FAILED).count();
    }

    /** {@code PROTO-2} before {@code PROTO-10}. */
    static int compareIds(String a, String b) {
        int da = a.lastIndexOf('-');
        int db = b.lastIndexOf('-');
        if (da > 0 && db > 0 && a.substring(0, da).equals(b.substring(0, db))) {
            try {
                return Integer.compare(Integer.parseInt(a.substring(da + 1)), Integer.parseInt(b.substring(db + 1)));
            } catch (NumberFormatException e) {
                return a.compareTo(b);
            }
        }
        return a.compareTo(b);
    }
}
