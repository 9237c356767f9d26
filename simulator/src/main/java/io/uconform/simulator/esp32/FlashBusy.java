package io.uconform.simulator.esp32;

import java.util.function.BooleanSupplier;

/**
 * When the flash chip finishes what it was told to do ({@link FlashTiming}): work is booked back to
 * back, and the chip's CPU waits for it where the real loader would (the ROM before it answers a
 * block, a stub before it takes the next command). A wait ends early when the board is reset or
 * closed, as a real erase is cut short by EN. Used on the board's CPU thread only.
 */
final class FlashBusy {

    private final BooleanSupplier interrupted;
    private long busyUntil;

    FlashBusy(BooleanSupplier interrupted) {
        this.interrupted = interrupted;
    }

    /** Books {@code nanos} of flash work after what is already booked. */
    void book(long nanos) {
        if (nanos > 0) {
            busyUntil = Math.max(busyUntil, System.nanoTime()) + nanos;
        }
    }

    /** Waits until the booked work is done; false when a reset or close cut the wait short. */
    boolean awaitIdle() {
        long deadline = busyUntil;
        while (deadline - System.nanoTime() > 0) {
            if (interrupted.getAsBoolean()) {
                return false;
            }
            LinePacer.awaitTime(Math.min(deadline, System.nanoTime() + 5_000_000L));
        }
        return !interrupted.getAsBoolean();
    }

    /** Books {@code nanos} and waits for everything booked. */
    boolean run(long nanos) {
        book(nanos);
        return awaitIdle();
    }
}
