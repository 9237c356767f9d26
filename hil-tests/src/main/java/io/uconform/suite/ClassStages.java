package io.uconform.suite;

import java.util.concurrent.ForkJoinTask;

/**
 * The two stages of a parallel run. JUnit's fork-join executor forks the concurrent classes (every
 * {@link ConformanceChecks} class) first and then runs the same-thread ones ({@link LastConformanceChecks};
 * the run's default class mode is {@code same_thread}) in its own worker, one after another in their
 * {@code @Order}. Before each of those starts, that worker helps the pool until it is quiescent:
 * every forked class, with its checks, has finished. An instance that served a last-stage check is
 * never lent to an earlier stage's check again ({@link TargetPool}), so a broken barrier would show
 * as checks not run, never as verdicts on a target that already had malformed input. Without
 * parallel execution there are no stages: classes run in their {@code @Order} on one thread.
 */
final class ClassStages {

    /** Which stage a check's class belongs to, for {@link TargetPool#lease}. */
    enum Stage {
        /** A run without parallel execution: the classes' order is the only rule. */
        NONE,
        /** A {@link ConformanceChecks} class in a parallel run. */
        EARLIER,
        /** A {@link LastConformanceChecks} class in a parallel run. */
        LAST
    }

    private ClassStages() {
    }

    /** The stage of {@code testClass} in a run with or without parallel execution. */
    static Stage of(Class<?> testClass, boolean parallel) {
        if (!parallel) {
            return Stage.NONE;
        }
        return testClass.isAnnotationPresent(LastConformanceChecks.class) ? Stage.LAST : Stage.EARLIER;
    }

    /**
     * Called by the executing thread before a last-stage class starts: returns once every
     * concurrently running class has finished, helping to run them meanwhile.
     */
    static void awaitEarlierClasses() {
        if (ForkJoinTask.inForkJoinPool()) {
            ForkJoinTask.helpQuiesce();
        }
    }
}
