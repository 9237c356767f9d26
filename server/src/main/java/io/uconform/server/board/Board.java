package io.uconform.server.board;

import java.util.List;
import java.util.Optional;

/**
 * What the reference board API needs from a board. The simulator's virtual board implements it;
 * nothing in the server depends on the simulator.
 *
 * <p>Implementations are thread-safe: HTTP handlers and background work (blink, reset) call them
 * concurrently. The routes validate requests (pin exists, capability, value ranges) before calling,
 * using {@link #pin(int)}; an implementation that must still refuse throws
 * {@link io.uconform.server.HttpError} with the status to answer (404, 409, 400), as any other
 * exception becomes a 500. Mode and pull names are the wire names: {@code in|out|pwm|adc} and
 * {@code up|down|none}.
 */
public interface Board {

    /** Board id, e.g. {@code esp32-devkitc}. */
    String name();

    /** Version string of the firmware serving the API. */
    String firmwareVersion();

    /** GPIO of the on-board LED. */
    int ledPin();

    /** Every pin, ascending. */
    List<PinView> pins();

    /** One pin; empty when the board has no such GPIO. */
    Optional<PinView> pin(int pin);

    /** Sets mode and/or pull; a null argument keeps the current one. */
    PinView configure(int pin, String mode, String pull);

    /** Drives a digital output to 0 or 1 (making the pin an output first if needed). */
    PinView write(int pin, int value);

    /** Switches the pin to PWM; freq in Hz, duty 0..1023. */
    PinView pwm(int pin, int freq, int duty);

    /** Reads the pin's ADC channel (switching it to ADC mode). */
    AdcView readAdc(int pin);

    long uptimeMillis();

    long freeHeapBytes();

    /** Why the board last started: {@code power_on}, {@code soft}, ... */
    String resetCause();

    /** Reboots the board as {@code machine.reset()} would: reset cause becomes {@code soft}. */
    void softReset();
}
