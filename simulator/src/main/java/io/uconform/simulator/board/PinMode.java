package io.uconform.simulator.board;

import java.util.Locale;

/** What a pin is configured as; {@link #wireName()} is the name used by the REST APIs. */
public enum PinMode {
    IN, OUT, PWM, ADC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name ({@code in}, {@code out}, {@code pwm}, {@code adc}). */
    public static PinMode parse(String text) {
        for (PinMode m : values()) {
            if (m.wireName().equals(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown pin mode '" + text + "' (expected in, out, pwm or adc)");
    }
}
