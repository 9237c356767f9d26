package io.uconform.simulator.board;

/** The mutable state of one pin; guarded by the owning board's lock. */
final class PinSlot {

    /** Input threshold: a driven voltage at or above half the supply reads as 1. */
    static final int HIGH_THRESHOLD_MV = AdcCurve.FULL_SCALE_MV / 2;

    final int pin;
    final boolean inputOnly;
    final boolean adc;
    PinMode mode = PinMode.IN;
    Pull pull = Pull.NONE;
    int latch;
    Integer externalMillivolts;
    /** What a jumper wire puts on the pad: the wired partner's output, or null when it drives nothing. */
    Integer wireMillivolts;
    int pwmFreq;
    int pwmDuty;
    int lastLevel;

    PinSlot(int pin, boolean inputOnly, boolean adc) {
        this.pin = pin;
        this.inputOnly = inputOnly;
        this.adc = adc;
    }

    /** Back to the state after a chip reset (outside drives are not the chip's: they stay). */
    void restoreDefaults() {
        mode = PinMode.IN;
        pull = Pull.NONE;
        latch = 0;
        pwmFreq = 0;
        pwmDuty = 0;
    }

    boolean isDigital() {
        return mode == PinMode.IN || mode == PinMode.OUT;
    }

    /** The level on the pad before faults: output latch, outside drive, a wire's drive, or pull. */
    int padLevel() {
        if (mode == PinMode.OUT) {
            return latch;
        }
        Integer driven = externalMillivolts != null ? externalMillivolts : wireMillivolts;
        if (driven != null) {
            return driven >= HIGH_THRESHOLD_MV ? 1 : 0;
        }
        return pull == Pull.UP ? 1 : 0;
    }

    /** The voltage on the pad as the ADC sees it. */
    int padMillivolts() {
        if (externalMillivolts != null) {
            return externalMillivolts;
        }
        if (wireMillivolts != null) {
            return wireMillivolts;
        }
        return pull == Pull.UP ? AdcCurve.FULL_SCALE_MV : 0;
    }
}
