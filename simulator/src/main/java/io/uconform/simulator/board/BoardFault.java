package io.uconform.simulator.board;

import java.util.Random;

/**
 * Hardware faults the virtual board can simulate, each a small strategy applied to one pin (or,
 * for {@link #NOISY_ADC} without a pin, to every ADC pin). Used by tests and the admin API to make
 * the board misbehave the way real boards do.
 */
public enum BoardFault {

    /** Writes to the pin are ignored: its output latch keeps its old value. */
    STUCK_PIN("digital writes to the pin are ignored") {
        @Override
        int onWrite(int current, int requested) {
            return current;
        }
    },
    /** The LED is dead: the pin's register follows writes but nothing is seen outside (level 0). */
    DEAD_LED("the pin's output is never seen outside: the observed level stays 0") {
        @Override
        int observedLevel(int level) {
            return 0;
        }
    },
    /** ADC readings jitter by up to +/-150 mV. */
    NOISY_ADC("ADC readings jitter by up to +/-150 mV") {
        @Override
        int onAdcMillivolts(int millivolts, Random random) {
            return millivolts + random.nextInt(301) - 150;
        }
    };

    private final String description;

    BoardFault(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The latch value a digital write leaves behind. */
    int onWrite(int current, int requested) {
        return requested;
    }

    /** The level an outside observer sees for an output driving {@code level}. */
    int observedLevel(int level) {
        return level;
    }

    /** The voltage the ADC converts, given the true voltage on the pin. */
    int onAdcMillivolts(int millivolts, Random random) {
        return millivolts;
    }

    /** The pin a fault applies to when none is named: the LED, or every pin ({@code -1}) for ADC noise. */
    int defaultPin(BoardProfile profile) {
        return this == NOISY_ADC ? ActiveFault.EVERY_PIN : profile.ledPin();
    }
}
