package io.uconform.simulator.board;

/** The pin exists but cannot do what was asked (drive an input-only pin, read ADC on a digital pin). */
public final class PinCapabilityException extends BoardException {

    public PinCapabilityException(String message) {
        super(message);
    }
}
