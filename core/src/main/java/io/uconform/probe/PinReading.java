package io.uconform.probe;

/**
 * One observation of a pin.
 *
 * @param pin    GPIO number
 * @param mode   {@code in}, {@code out}, {@code pwm} or {@code adc}
 * @param value  digital level (0/1), PWM duty (0..1023) or ADC raw reading (0..4095)
 * @param pull   {@code up}, {@code down} or {@code none}
 * @param atMillis board uptime when observed or changed
 */
public record PinReading(int pin, String mode, int value, String pull, long atMillis) {
}
