package io.uconform.simulator.esp32;

import java.util.concurrent.locks.LockSupport;

/**
 * Models a UART's line rate: 8N1 costs 10 bits per byte, so receiving {@code n} bytes at
 * {@code baud} takes {@code n * 10 / baud} seconds. The device thread is held until the modelled
 * arrival time, so a host waiting for replies sees the modelled throughput. Disabled pacers cost
 * nothing (tests); the benchmark enables it.
 */
final class LinePacer {

    private final boolean enabled;
    private long lineFreeAt = System.nanoTime();

    LinePacer(boolean enabled) {
        this.enabled = enabled;
    }

    /** Waits until {@code bytes} have had time to cross the line at {@code baud}. */
    void transfer(int bytes, int baud) {
        if (!enabled || baud <= 0) {
            return;
        }
        long now = System.nanoTime();
        lineFreeAt = Math.max(lineFreeAt, now) + bytes * 10L * 1_000_000_000L / baud;
        long wait;
        while ((wait = lineFreeAt - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
