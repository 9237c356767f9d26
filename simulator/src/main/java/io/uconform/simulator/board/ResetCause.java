package io.uconform.simulator.board;

import java.util.Locale;

/** Why the board last (re)started, named like MicroPython's {@code machine.reset_cause()}. */
public enum ResetCause {
    POWER_ON, HARD, SOFT, WATCHDOG, DEEP_SLEEP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
