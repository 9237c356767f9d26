package io.uconform.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The run's configuration, read from JUnit configuration parameters (which fall back to system
 * properties): {@code target} (kind, default {@code sim}), {@code target.<option>=value},
 * {@code target.options=k=v;k=v}, {@code target.options.json={"k":"v"}} (how the CLI passes them: any
 * value travels intact), {@code profile} (default {@code reference}), {@code targets}
 * (a targets file, overrides the former), {@code uconform.pool} (instances per target: {@code auto},
 * the default, or a number; a targets file entry's {@code pool} wins) and
 * {@code uconform.check.timeout} (seconds or ISO-8601, default 30 s).
 */
public record SuiteSettings(List<TargetSelection> selections, Duration checkTimeout) {

    public static final String TARGET = "target";
    public static final String TARGETS = "targets";
    public static final String PROFILE = "profile";
    public static final String OPTIONS = "target.options";
    public static final String OPTIONS_JSON = "target.options.json";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    public static final String CHECK_TIMEOUT = "uconform.check.timeout";
    public static final String POOL = "uconform.pool";

    /**
     * Option names looked up as {@code target.<name>} configuration parameters: every name (and
     * former spelling) the kinds on the class path declare. JUnit offers no way to list parameters,
     * so others must come as system properties or through {@link #OPTIONS}.
     */
    static java.util.Set<String> optionNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (io.uconform.spi.TargetKind kind : io.uconform.spi.TargetKinds.all()) {
            kind.options().forEach(o -> {
                names.add(o.name());
                names.addAll(o.formerNames());
            });
        }
        return names;
    }

    public static SuiteSettings from(Function<String, Optional<String>> parameters) {
        String profile = parameters.apply(PROFILE).filter(s -> !s.isBlank()).orElse("reference");
        Duration timeout = parameters.apply(CHECK_TIMEOUT).map(SuiteSettings::duration).orElse(Duration.ofSeconds(30));
        int pool = parameters.apply(POOL).map(TargetSelection::parsePool).orElse(TargetSelection.AUTO_POOL);
        Optional<String> targetsFile = parameters.apply(TARGETS).filter(s -> !s.isBlank());
        if (targetsFile.isPresent()) {
            return new SuiteSettings(TargetsFile.read(Path.of(targetsFile.get()), profile).stream()
                    .map(s -> s.pool() == TargetSelection.AUTO_POOL ? s.withPool(pool) : s).toList(), timeout);
        }
        String kind = parameters.apply(TARGET).filter(s -> !s.isBlank()).orElse("sim");
        return new SuiteSettings(List.of(new TargetSelection(kind, options(parameters), profile, pool)), timeout);
    }

    static Map<String, String> options(Function<String, Optional<String>> parameters) {
        Map<String, String> options = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream().sorted()
                .filter(k -> k.startsWith(TARGET + ".") && !k.equals(OPTIONS) && !k.equals(OPTIONS_JSON))
                .forEach(k -> options.put(k.substring(TARGET.length() + 1), System.getProperty(k)));
        for (String name : optionNames()) {
            parameters.apply(TARGET + "." + name).ifPresent(v -> options.put(name, v));
        }
        parameters.apply(OPTIONS).ifPresent(list -> options.putAll(parseOptions(list)));
        parameters.apply(OPTIONS_JSON).ifPresent(json -> options.putAll(optionsFromJson(json)));
        return options;
    }

    /** Options as one JSON object of strings: the form {@link #OPTIONS_JSON} carries. */
    public static String optionsJson(Map<String, String> options) {
        try {
            return JSON.writeValueAsString(new LinkedHashMap<>(options));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("target options cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, String> optionsFromJson(String json) {
        try {
            Map<String, String> options = new LinkedHashMap<>();
            com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(OPTIONS_JSON + " must be a JSON object of strings");
            }
            node.fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
            return options;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(OPTIONS_JSON + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** {@code k=v;k=v} (the value may contain {@code =} and {@code ,}). */
    public static Map<String, String> parseOptions(String list) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : list.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("target option '" + pair.trim() + "' is not name=value");
            }
            options.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return options;
    }

    static Duration duration(String text) {
        String t = text.trim();
        try {
            return t.startsWith("P") || t.startsWith("p") ? Duration.parse(t)
                    : Duration.ofMillis(Math.round(Double.parseDouble(t.replaceAll("s$", "")) * 1000));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(CHECK_TIMEOUT + " '" + text + "' is not a duration (e.g. 30 or 30s or PT30S)");
        }
    }
}
