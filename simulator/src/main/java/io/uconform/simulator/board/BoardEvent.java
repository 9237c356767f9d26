package io.uconform.simulator.board;

import java.util.Locale;

/**
 * One entry of the board's timeline. Immutable.
 *
 * @param seq      position in the timeline since power-on (never reused, survives resets)
 * @param boot     boot number: 0 at power-on, incremented by every reset
 * @param atMillis milliseconds since the last boot
 * @param pin      the pin concerned, or -1 for board-wide events (reset, board faults)
 * @param value    the new level, duty, raw reading or millivolts; 0 when meaningless
 * @param detail   short human-readable text (mode names, reset cause, fault name)
 */
public record BoardEvent(long seq, int boot, long atMillis, Kind kind, int pin, int value, String detail) {

    /** What happened. */
    public enum Kind {
        /** The digital level of a pin changed. */
        PIN_CHANGE,
        /** Mode or pull of a pin changed. */
        MODE_CHANGE,
        /** PWM frequency or duty changed. */
        PWM_CHANGE,
        /** Something outside drove a pin (button, level, voltage) or let it go. */
        INPUT_INJECTED,
        /** The board restarted; detail is the reset cause. */
        RESET,
        /** A fault was set or cleared, or changed the outcome of an operation. */
        FAULT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
