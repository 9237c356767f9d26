package io.uconform.probe;

/** An input driven onto a pin from outside the board. */
public sealed interface PinInput {

    /** A digital level, 0 or 1. */
    record Level(int value) implements PinInput {
    }

    /** An analog voltage on an ADC pin, in millivolts. */
    record Millivolts(int millivolts) implements PinInput {
    }

    static PinInput level(int value) {
        return new Level(value);
    }

    static PinInput millivolts(int mv) {
        return new Millivolts(mv);
    }
}
