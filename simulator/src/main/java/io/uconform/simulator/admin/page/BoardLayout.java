package io.uconform.simulator.admin.page;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How a board looks from above, as far as the board page draws it: its two pin headers (pin 1 at
 * the antenna end), the module's name, the reset button's label and the kind of user LED. Immutable.
 *
 * @param module      the module on the board, e.g. {@code ESP32-WROOM-32}
 * @param leftName    the left header's name on the schematic, e.g. {@code J1}
 * @param left        the left header, pin 1 first
 * @param rightName   the right header's name
 * @param right       the right header, pin 1 first
 * @param resetLabel  the reset button's silkscreen ({@code EN}, {@code RESET})
 * @param rgbLed      the user LED is an addressable RGB LED (drawn lit white when its pin is high)
 */
public record BoardLayout(String module, String leftName, List<HeaderPin> left, String rightName,
                          List<HeaderPin> right, String resetLabel, boolean rgbLed) {

    public BoardLayout {
        Objects.requireNonNull(module, "module");
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    /** Where GPIO {@code gpio} is on the headers, e.g. {@code J3 pin 15}; empty when it is on neither. */
    public Optional<String> whereIs(int gpio) {
        for (int i = 0; i < left.size(); i++) {
            if (left.get(i).gpio() == gpio) {
                return Optional.of(leftName + " pin " + (i + 1));
            }
        }
        for (int i = 0; i < right.size(); i++) {
            if (right.get(i).gpio() == gpio) {
                return Optional.of(rightName + " pin " + (i + 1));
            }
        }
        return Optional.empty();
    }

    /** The silkscreen label of GPIO {@code gpio}, or its number when it is not on the headers. */
    public String labelOf(int gpio) {
        return Stream.concat(left.stream(), right.stream()).filter(p -> p.gpio() == gpio).map(HeaderPin::label)
                .findFirst().orElse(String.valueOf(gpio));
    }

    /** Every GPIO on either header. */
    public List<Integer> headerGpios() {
        return Stream.concat(left.stream(), right.stream()).filter(p -> p.kind() == HeaderPin.Kind.GPIO)
                .map(HeaderPin::gpio).toList();
    }
}
