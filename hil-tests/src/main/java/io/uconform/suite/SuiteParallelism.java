package io.uconform.suite;

import io.uconform.profile.Profiles;
import io.uconform.spi.TargetKinds;
import io.uconform.spi.TargetSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JUnit configuration that spreads checks over the targets' pools: the {@link ConformanceChecks}
 * classes (well-behaved input; {@code CONCURRENT}) run side by side, then the
 * {@link LastConformanceChecks} ones (the default mode {@code same_thread}: rewritten secrets,
 * malformed input, hostile campaigns) one after another in their {@code @Order} ({@link ClassStages});
 * the targets take a class side by side ({@link TargetsSideBySide}), the checks of a class run
 * concurrently, each on an instance of its own ({@link TargetPool}), with as many JUnit threads as
 * there are instances. With one instance per target nothing changes: no parallel execution is
 * configured, and every class runs in its {@code @Order}.
 */
public final class SuiteParallelism {

    public static final String ENABLED = "junit.jupiter.execution.parallel.enabled";
    static final String MODE = "junit.jupiter.execution.parallel.mode.default";
    static final String CLASS_MODE = "junit.jupiter.execution.parallel.mode.classes.default";
    static final String STRATEGY = "junit.jupiter.execution.parallel.config.strategy";
    static final String PARALLELISM = "junit.jupiter.execution.parallel.config.fixed.parallelism";

    private SuiteParallelism() {
    }

    /** The configuration parameters for {@code instances} instances in all; empty for one. */
    public static Map<String, String> parameters(int instances) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (instances <= 1) {
            return parameters;
        }
        parameters.put(ENABLED, "true");
        parameters.put(MODE, "same_thread");
        parameters.put(CLASS_MODE, "same_thread");
        parameters.put(STRATEGY, "fixed");
        parameters.put(PARALLELISM, Integer.toString(instances));
        return parameters;
    }

    /**
     * The instances the selections will hold: each selection's pool, or its kind's default for
     * {@code auto}; 1 for a selection whose kind or profile is unknown (it will not run anyway).
     */
    public static int instances(List<TargetSelection> selections) {
        int total = 0;
        for (TargetSelection s : selections.stream().distinct().toList()) {
            total += size(s);
        }
        return total;
    }

    /** The pool size of one selection: its own, or its kind's default for {@code auto}. */
    public static int size(TargetSelection selection) {
        if (selection.pool() != TargetSelection.AUTO_POOL) {
            return selection.pool();
        }
        try {
            TargetSpec spec = new TargetSpec(selection.kind(), selection.options(), Profiles.load(selection.profile()));
            return Math.max(1, TargetKinds.require(selection.kind()).defaultPoolSize(spec));
        } catch (RuntimeException e) {
            return 1;
        }
    }
}
