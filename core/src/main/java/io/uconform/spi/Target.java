package io.uconform.spi;

/**
 * Something that serves HTTP and can be started, made ready and stopped: the thing the suite
 * checks. Implementations are {@link AutoCloseable}; {@link #start()} and {@link #close()} are
 * idempotent. Not required to be thread-safe: the suite drives one target from one thread at a
 * time (checks themselves may open several connections).
 */
public interface Target extends AutoCloseable {

    /** Short display name used in test names and reports, e.g. {@code sim} or {@code url:http://10.0.0.7}. */
    String name();

    /**
     * Starts the target if needed and waits until it is ready (its {@link Readiness}, with its timeout).
     * Returns the same {@link RunningTarget} on repeated calls while it stays up.
     *
     * @throws TargetException one clear line: unreachable, port in use, no readiness within the timeout
     */
    RunningTarget start();

    /**
     * Restarts a target whose lifecycle the harness owns (e.g. after a check wedged it). The shared
     * default: {@link #close()}, then {@link #start()} (a fresh device, readiness awaited again); a
     * kind that keeps something across restarts (a board, its flash) overrides it.
     *
     * @throws TargetException when the harness does not own the lifecycle ({@link #ownsLifecycle()} is false)
     */
    default RunningTarget restart() {
        if (!ownsLifecycle()) {
            throw new TargetException("target '" + name() + "' cannot be restarted by the harness");
        }
        close();
        return start();
    }

    /** True when the harness started the target and may restart it. */
    default boolean ownsLifecycle() {
        return false;
    }

    @Override
    void close();
}
