package io.uconform.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a targets file: a JSON array of {@code {"kind": ..., "options": {...}, "profile": ...,
 * "pool": N}} (options, profile and pool optional; pool is a number or {@code "auto"}). Problems are one-line {@link IllegalArgumentException}s.
 */
public final class TargetsFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TargetsFile() {
    }

    public static List<TargetSelection> read(Path file, String defaultProfile) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("targets file not found: " + file);
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("targets file " + file + " is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new IllegalArgumentException("targets file " + file + " must be a non-empty JSON array of {kind, options, profile}");
        }
        List<TargetSelection> selections = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            selections.add(entry(root.get(i), file + " entry " + (i + 1), defaultProfile));
        }
        return List.copyOf(selections);
    }

    private static TargetSelection entry(JsonNode node, String where, String defaultProfile) {
        if (!node.isObject() || !node.path("kind").isTextual() || node.path("kind").asText().isBlank()) {
            throw new IllegalArgumentException(where + ": needs a \"kind\" string");
        }
        JsonNode options = node.path("options");
        Map<String, String> map = new LinkedHashMap<>();
        if (!options.isMissingNode() && !options.isNull()) {
            if (!options.isObject()) {
                throw new IllegalArgumentException(where + ": \"options\" must be an object");
            }
            options.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        }
        String profile = node.path("profile").isTextual() ? node.path("profile").asText() : defaultProfile;
        int pool = TargetSelection.AUTO_POOL;
        if (!node.path("pool").isMissingNode() && !node.path("pool").isNull()) {
            try {
                pool = TargetSelection.parsePool(node.path("pool").asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        return new TargetSelection(node.path("kind").asText(), map, profile, pool);
    }
}
