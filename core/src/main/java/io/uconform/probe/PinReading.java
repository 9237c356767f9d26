package io.uconform.probe;

/**
 * One observation of a pin.
 *
 * @param pin    GPIO number
 * @param mode   {@code in}, {@code out}, {@code pwm} or {@code adc}; {@link #UNKNOWN} when the probe
 *               cannot see it (see {@link ProbeAbility#READ_MODE_AND_PULL})
 * @param value  digital level (0/1), PWM duty (0..1023) or ADC raw reading (0..4095)
 * @param pull   {@code up}, {@code down} or {@code none}; {@link #UNKNOWN} when the probe cannot see it
 * @param atMillis board uptime when observed or changed
 */
public record PinReading(int pin, String mode, int value, String pull, long atMillis) {

    /** The mode or pull of a reading by a probe that sees levels only. */
    public static final String UNKNOWN = "unknown";
}
