package io.uconform.report;

import java.util.List;
import java.util.Map;

/**
 * A target of the run: its name, the profile it claimed, its facts (versions, board, base URI)
 * and lifecycle events (restarts, going down) with their cause.
 */
public record TargetRecord(String name, String profile, Map<String, String> facts, List<String> events) {

    public TargetRecord {
        profile = profile == null ? "" : profile;
        facts = Map.copyOf(facts);
        events = List.copyOf(events);
    }
}
