package io.uconform.suite;

import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Lets the targets of a run take a check class side by side: a check class is a class template
 * with one invocation per target, and the default execution mode this orderer gives the template's
 * children makes those invocations concurrent, while a {@link LastConformanceChecks} class itself
 * keeps the run's default ({@code same_thread} in every parallel run, {@link SuiteParallelism}): those
 * classes still run one after another in their {@code @Order} on every target, and sim, host and a
 * virtual ESP32 no longer wait for each other within a class ({@value #ENABLED}{@code =false}: one target after another, as
 * before; it concerns the {@link LastConformanceChecks} classes only, since a {@link ConformanceChecks}
 * class is {@code CONCURRENT} itself, which its invocations inherit). The methods keep JUnit's
 * default order (nothing is reordered).
 */
public final class TargetsSideBySide implements MethodOrderer {

    /** Configuration parameter: {@code false} lets the targets take each class one after another. */
    public static final String ENABLED = "uconform.targets.parallel";

    private boolean sideBySide = true;

    @Override
    public void orderMethods(MethodOrdererContext context) {
        // JUnit's default order, unchanged; JUnit asks for the default mode after this call
        sideBySide = context.getConfigurationParameter(ENABLED).map(v -> !v.trim().equalsIgnoreCase("false"))
                .orElse(true);
    }

    @Override
    public Optional<ExecutionMode> getDefaultExecutionMode() {
        return Optional.of(sideBySide ? ExecutionMode.CONCURRENT : ExecutionMode.SAME_THREAD);
    }
}
