package io.uconform.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A recording read back: the checks' records and the recorded target's facts and limits. Immutable.
 *
 * @param dir    the recording directory
 * @param target the recorded target's name
 * @param facts  the recorded target's facts
 * @param limits the limits the recorded target was configured with, by profile-file name (empty: the profile's)
 * @param checks the checks' records by id
 */
public record RecordedRun(Path dir, String target, Map<String, String> facts, Map<String, Long> limits,
                          Map<String, RecordedCheck> checks) {

    public RecordedRun {
        facts = Map.copyOf(facts);
        limits = Map.copyOf(limits);
        checks = Map.copyOf(checks);
    }

    /**
     * Reads the recording in {@code dir}.
     *
     * @throws IllegalArgumentException one line: no such directory, not a recording, an unreadable file
     */
    public static RecordedRun read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no recording directory " + dir);
        }
        for (String part : new String[] {Recording.MAPPINGS, Recording.CHECKS, Recording.TARGET}) {
            if (!Files.exists(dir.resolve(part))) {
                throw new IllegalArgumentException(dir + " is not a recording (no " + part
                        + "; record one with uconform run --record DIR)");
            }
        }
        JsonNode target = tree(dir.resolve(Recording.TARGET));
        Map<String, String> facts = new TreeMap<>();
        target.path("facts").fields().forEachRemaining(e -> facts.put(e.getKey(), e.getValue().asText()));
        Map<String, Long> limits = new LinkedHashMap<>();
        target.path("limits").fields().forEachRemaining(e -> limits.put(e.getKey(), e.getValue().asLong()));
        Map<String, RecordedCheck> checks = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir.resolve(Recording.CHECKS))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                RecordedCheck check = check(file);
                checks.put(check.id(), check);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + dir.resolve(Recording.CHECKS) + ": " + e.getMessage(), e);
        }
        return new RecordedRun(dir, target.path("target").asText(), facts, limits, checks);
    }

    public Optional<RecordedCheck> check(String id) {
        return Optional.ofNullable(checks.get(id));
    }

    private static RecordedCheck check(Path file) {
        try {
            return Recording.JSON.readValue(file.toFile(), RecordedCheck.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("recording file " + file + " is not a check record: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static JsonNode tree(Path file) {
        try {
            return Recording.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("recording file " + file + " is not JSON: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
