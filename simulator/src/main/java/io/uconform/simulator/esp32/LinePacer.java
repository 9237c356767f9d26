package io.uconform.simulator.esp32;

import java.util.concurrent.locks.LockSupport;

/**
 * Models a UART's line rate: 8N1 costs 10 bits per byte, so moving {@code n} bytes at {@code baud}
 * takes {@code n * 10 / baud} seconds, back to back with the bytes before them. The time a
 * transfer starts is given by the caller (when the bytes were handed to the line), so time spent
 * handing bytes between simulator threads overlaps the modelled wire time instead of adding to it.
 * Disabled pacers cost nothing (tests); the benchmark enables it. Used by one thread at a time.
 */
final class LinePacer {

    private static final long SPIN_NANOS = 200_000;

    private final boolean enabled;
    private long lineFreeAt = System.nanoTime();

    LinePacer(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Books {@code bytes} on the line, starting no earlier than {@code handedOverAt} ({@link System#nanoTime()}),
     * and returns when the last of them has crossed; does not wait. 0 when disabled.
     */
    long reserve(int bytes, int baud, long handedOverAt) {
        if (!enabled || baud <= 0) {
            return 0;
        }
        lineFreeAt = Math.max(lineFreeAt, handedOverAt) + bytes * 10L * 1_000_000_000L / baud;
        return lineFreeAt;
    }

    /** Books {@code bytes} as {@link #reserve} does and holds the caller until they have crossed. */
    void transfer(int bytes, int baud, long handedOverAt) {
        awaitTime(reserve(bytes, baud, handedOverAt));
    }

    /**
     * Holds the caller until {@code nanoTime} (no-op for 0 or a past time): parks until shortly
     * before, then yields for the rest, because a park oversleeps by the timer slack and the
     * scheduler's wake-up (tenths of a millisecond, which per 1 KB block would be several percent).
     */
    static void awaitTime(long nanoTime) {
        if (nanoTime == 0) {
            return;
        }
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > SPIN_NANOS) {
            LockSupport.parkNanos(wait - SPIN_NANOS);
        }
        while (nanoTime - System.nanoTime() > 0) {
            Thread.yield();
        }
    }
}
