package io.uconform.simulator.admin.page;

import java.util.Objects;

/**
 * One pin of a board's header as printed on the board. Immutable.
 *
 * @param label the silkscreen label, e.g. {@code 34}, {@code VP}, {@code CLK}, {@code 3V3}
 * @param gpio  the GPIO behind it, or {@link #NO_GPIO} for power, ground and the enable pin
 * @param kind  what the pin is
 */
public record HeaderPin(String label, int gpio, Kind kind) {

    public static final int NO_GPIO = -1;

    /** What a header pin carries. */
    public enum Kind { GPIO, POWER, GROUND, ENABLE }

    public HeaderPin {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.GPIO) != (gpio >= 0)) {
            throw new IllegalArgumentException("header pin " + label + ": a GPIO pin names its GPIO, others none");
        }
    }

    static HeaderPin gpio(String label, int gpio) {
        return new HeaderPin(label, gpio, Kind.GPIO);
    }

    static HeaderPin gpio(int gpio) {
        return gpio(String.valueOf(gpio), gpio);
    }

    static HeaderPin power(String label) {
        return new HeaderPin(label, NO_GPIO, Kind.POWER);
    }

    static HeaderPin ground() {
        return new HeaderPin("GND", NO_GPIO, Kind.GROUND);
    }

    static HeaderPin enable(String label) {
        return new HeaderPin(label, NO_GPIO, Kind.ENABLE);
    }
}
