package io.uconform.simulator.board;

import java.util.Locale;

/** The internal pull resistor of a pin. */
public enum Pull {
    UP, DOWN, NONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name ({@code up}, {@code down}, {@code none}). */
    public static Pull parse(String text) {
        for (Pull p : values()) {
            if (p.wireName().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown pull '" + text + "' (expected up, down or none)");
    }
}
