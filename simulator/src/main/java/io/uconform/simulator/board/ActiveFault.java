package io.uconform.simulator.board;

import java.util.Locale;

/**
 * A fault switched on for one pin ({@link #EVERY_PIN} for all the pins it applies to). Immutable.
 * Text form: {@code STUCK_PIN@4}, {@code DEAD_LED} (the LED pin), {@code NOISY_ADC} (every ADC pin).
 */
public record ActiveFault(BoardFault fault, int pin) {

    public static final int EVERY_PIN = -1;

    public boolean appliesTo(int gpio) {
        return pin == EVERY_PIN || pin == gpio;
    }

    /** Parses the text form; a missing pin means the fault's default pin on that board. */
    public static ActiveFault parse(String text, BoardProfile profile) {
        String t = text.trim();
        int at = t.indexOf('@');
        String name = (at < 0 ? t : t.substring(0, at)).toUpperCase(Locale.ROOT).replace('-', '_');
        BoardFault fault;
        try {
            fault = BoardFault.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown board fault '" + text + "' (known: "
                    + java.util.Arrays.toString(BoardFault.values()) + ")");
        }
        if (at < 0) {
            return new ActiveFault(fault, fault.defaultPin(profile));
        }
        int pin;
        try {
            pin = Integer.parseInt(t.substring(at + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("board fault '" + text + "': pin must be a number");
        }
        if (!profile.hasPin(pin)) {
            throw new IllegalArgumentException("board fault '" + text + "': board " + profile.id()
                    + " has no GPIO " + pin);
        }
        return new ActiveFault(fault, pin);
    }

    @Override
    public String toString() {
        return pin == EVERY_PIN ? fault.name() : fault.name() + "@" + pin;
    }
}
