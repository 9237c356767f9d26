package io.uconform.simulator.board;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A board described as data: which GPIOs exist, which are input-only, which have an ADC channel,
 * and where the on-board LED and BOOT button are. Immutable.
 *
 * @param id          name used in options and APIs, e.g. {@code esp32-devkitc}
 * @param description human-readable board and chip
 * @param ledPin      GPIO of the on-board LED (active high)
 * @param buttonPin   GPIO of the BOOT button (active low, pulled up)
 * @param gpios       every GPIO number the board has, ascending
 * @param inputOnly   GPIOs that cannot drive an output
 * @param adcPins     GPIOs with an ADC channel
 */
public record BoardProfile(String id, String description, int ledPin, int buttonPin, List<Integer> gpios,
                           Set<Integer> inputOnly, Set<Integer> adcPins) {

    public BoardProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        gpios = gpios.stream().sorted().distinct().toList();
        inputOnly = Set.copyOf(inputOnly);
        adcPins = Set.copyOf(adcPins);
        requirePins(gpios, List.of(ledPin, buttonPin), "LED/button");
        requirePins(gpios, inputOnly, "input-only");
        requirePins(gpios, adcPins, "ADC");
        if (inputOnly.contains(ledPin)) {
            throw new IllegalArgumentException("LED pin " + ledPin + " of " + id + " cannot be input-only");
        }
    }

    public boolean hasPin(int pin) {
        return gpios.contains(pin);
    }

    public boolean isInputOnly(int pin) {
        return inputOnly.contains(pin);
    }

    public boolean hasAdc(int pin) {
        return adcPins.contains(pin);
    }

    private static void requirePins(List<Integer> gpios, java.util.Collection<Integer> pins, String what) {
        for (int p : pins) {
            if (!gpios.contains(p)) {
                throw new IllegalArgumentException(what + " pin " + p + " is not a GPIO of the board");
            }
        }
    }
}
