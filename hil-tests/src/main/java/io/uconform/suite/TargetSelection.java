package io.uconform.suite;

import java.util.Map;
import java.util.Objects;

/**
 * One target the user selected: a kind, its raw options and the profile (built-in name or path).
 * Immutable; also the key under which the started target is shared by every check class of a run.
 */
public record TargetSelection(String kind, Map<String, String> options, String profile) {

    public TargetSelection {
        Objects.requireNonNull(kind, "kind");
        options = Map.copyOf(options);
        Objects.requireNonNull(profile, "profile");
    }

    /** For messages: {@code url{url=http://...} with profile reference}. */
    public String describe() {
        return kind + (options.isEmpty() ? "" : new java.util.TreeMap<>(options).toString()) + " with profile " + profile;
    }
}
