package io.uconform.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the reports of shards of one run ({@code uconform run --shard i/n} on n runners) into one
 * report: every check once, targets joined by name (facts and events of all shards), from the
 * earliest start to the latest finish. A check that two shards both report is an error: the inputs
 * are not disjoint shards (the same shard twice, or whole runs).
 */
public final class ReportMerge {

    private ReportMerge() {
    }

    /** @throws IllegalArgumentException one line: no input, a malformed file, a check in two inputs */
    public static RunReport merge(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("merge needs at least one report.json");
        }
        List<RunReport> reports = new ArrayList<>();
        for (Path file : files) {
            reports.add(ReportJson.read(file));
        }
        return merge(reports, files.stream().map(Path::toString).toList());
    }

    static RunReport merge(List<RunReport> reports, List<String> names) {
        Map<String, String> seenIn = new HashMap<>();
        List<CheckRecord> checks = new ArrayList<>();
        Map<String, TargetRecord> targets = new LinkedHashMap<>();
        Instant started = null;
        Instant finished = null;
        for (int i = 0; i < reports.size(); i++) {
            RunReport report = reports.get(i);
            for (CheckRecord check : report.checks()) {
                String key = check.id() + " [" + check.target() + "]";
                String earlier = seenIn.putIfAbsent(key, names.get(i));
                if (earlier != null) {
                    throw new IllegalArgumentException("check " + key + " is in both " + earlier + " and " + names.get(i)
                            + ": merge joins the disjoint shards of one run (--shard i/n)");
                }
                checks.add(check);
            }
            report.targets().forEach(t -> targets.merge(t.name(), t, ReportMerge::join));
            started = started == null || report.startedAt().isBefore(started) ? report.startedAt() : started;
            finished = finished == null || report.finishedAt().isAfter(finished) ? report.finishedAt() : finished;
        }
        return new RunReport(started, finished, List.copyOf(targets.values()), checks);
    }

    private static TargetRecord join(TargetRecord a, TargetRecord b) {
        Map<String, String> facts = new LinkedHashMap<>(a.facts());
        b.facts().forEach(facts::putIfAbsent);
        List<String> events = new ArrayList<>(a.events());
        b.events().stream().filter(e -> !events.contains(e)).forEach(events::add);
        return new TargetRecord(a.name(), a.profile().isEmpty() ? b.profile() : a.profile(), facts, events);
    }
}
