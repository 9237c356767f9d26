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
 * @param flashPins   GPIOs wired to the module's SPI flash: the chip crashes when anything else drives
 *                    them, so the admin face refuses outside drives there
 */
public record BoardProfile(String id, String description, int ledPin, int buttonPin, List<Integer> gpios,
                           Set<Integer> inputOnly, Set<Integer> adcPins, Set<Integer> flashPins) {

    public BoardProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        gpios = gpios.stream().sorted().distinct().toList();
        inputOnly = Set.copyOf(inputOnly);
        adcPins = Set.copyOf(adcPins);
        flashPins = Set.copyOf(flashPins);
        requirePins(gpios, List.of(ledPin, buttonPin), "LED/button");
        requirePins(gpios, inputOnly, "input-only");
        requirePins(gpios, adcPins, "ADC");
        requirePins(gpios, flashPins, "flash");
        if (inputOnly.contains(ledPin)) {
            throw new IllegalArgumentException("LED pin " + ledPin + " of " + id + " cannot be input-only");
        }
        if (flashPins.contains(ledPin) || flashPins.contains(buttonPin)) {
            throw new IllegalArgumentException("the LED and button pins of " + id + " cannot be flash pins");
        }
    }

    /** A board without flash pins on its GPIO list. */
    public BoardProfile(String id, String description, int ledPin, int buttonPin, List<Integer> gpios,
                        Set<Integer> inputOnly, Set<Integer> adcPins) {
        this(id, description, ledPin, buttonPin, gpios, inputOnly, adcPins, Set.of());
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

    public boolean isFlashPin(int pin) {
        return flashPins.contains(pin);
    }

    private static void requirePins(List<Integer> gpios, java.util.Collection<Integer> pins, String what) {
        for (int p : pins) {
            if (!gpios.contains(p)) {
                throw new IllegalArgumentException(what + " pin " + p + " is not a GPIO of the board");
            }
        }
    }
}
