package io.uconform.simulator.admin;

/**
 * A version number that goes up on every change, and a way to wait for it to move. Thread-safe;
 * {@link #bump()} never blocks (callers hold the board's lock).
 */
final class ChangeSignal {

    private long version;
    private boolean closed;

    synchronized long version() {
        return version;
    }

    synchronized void bump() {
        version++;
        notifyAll();
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Waits until the version differs from {@code seen}, the signal closes or {@code millis} pass.
     *
     * @return whether something changed (false on timeout or close)
     */
    synchronized boolean awaitChange(long seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (version == seen && !closed) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return version != seen && !closed;
    }

    /** Waits {@code millis} unless the signal closes first (a pause that a shutdown cuts short). */
    synchronized void pause(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!closed) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }
}
