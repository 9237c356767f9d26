package io.uconform.suite;

import java.util.Map;
import java.util.Objects;

/**
 * One target the user selected: a kind, its raw options, the profile (built-in name or path) and
 * the size of its pool ({@link #AUTO_POOL}: the kind's default; 1: one instance, as before pools).
 * Immutable; also the key under which the started pool is shared by every check class of a run.
 */
public record TargetSelection(String kind, Map<String, String> options, String profile, int pool) {

    /** Pool size chosen by the kind ({@code TargetKind.defaultPoolSize}). */
    public static final int AUTO_POOL = 0;

    public TargetSelection {
        Objects.requireNonNull(kind, "kind");
        options = Map.copyOf(options);
        Objects.requireNonNull(profile, "profile");
        if (pool < 0) {
            throw new IllegalArgumentException("pool size must be 1 or more (or auto), not " + pool);
        }
    }

    /** A selection with the kind's default pool. */
    public TargetSelection(String kind, Map<String, String> options, String profile) {
        this(kind, options, profile, AUTO_POOL);
    }

    public TargetSelection withPool(int size) {
        return new TargetSelection(kind, options, profile, size);
    }

    /** For messages: {@code url{url=http://...} with profile reference}. */
    public String describe() {
        return kind + (options.isEmpty() ? "" : new java.util.TreeMap<>(options).toString()) + " with profile " + profile
                + (pool > 1 ? " (pool of " + pool + ")" : "");
    }

    /** {@code auto} or a positive number; one line naming the problem otherwise. */
    public static int parsePool(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("auto")) {
            return AUTO_POOL;
        }
        try {
            int n = Integer.parseInt(t);
            if (n >= 1 && n <= 256) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new IllegalArgumentException("pool size must be auto or 1..256, not '" + text + "'");
    }
}
