package io.uconform.probe;

import java.util.List;
import java.util.Optional;

/**
 * How a check observes (and, where possible, drives) the board's pins independently of the
 * server's own answers: the virtual board's state on {@code sim}/{@code host}, an emulator monitor,
 * or wired loopback pins on hardware. Thread-safe.
 */
public interface BoardProbe {

    /** Empty when the probe works; otherwise why pin-effect checks must be skipped. */
    Optional<String> unavailableReason();

    /** The pin as the board sees it now. */
    PinReading read(int pin);

    /**
     * Level changes of a pin recorded since {@code sinceMillis} (board uptime milliseconds, as
     * returned by {@link #nowMillis()}), oldest first.
     */
    List<PinReading> changes(int pin, long sinceMillis);

    /** The board's clock (uptime in milliseconds), used as a timeline mark. */
    long nowMillis();

    /**
     * Drives an input from outside: a digital level (button press = 0 on an active-low button) or,
     * for an ADC pin, a voltage in millivolts. Throws {@link UnsupportedOperationException} where the
     * probe can only observe.
     */
    void drive(int pin, PinInput input);

    /**
     * Why this probe cannot do {@code ability} on {@code pin}, or empty when it can. Checks ask before
     * relying on a reading, so that what the probe cannot see is skipped or noted, never passed. The
     * default: everything, unless the probe is unavailable.
     */
    default Optional<String> cannot(ProbeAbility ability, int pin) {
        return unavailableReason();
    }

    /** A probe that observes nothing, with the reason checks report when they skip. */
    static BoardProbe none(String reason) {
        return new NoBoardProbe(reason);
    }
}
