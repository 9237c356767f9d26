package io.uconform.simulator.board;

/**
 * A snapshot of one pin. Immutable.
 *
 * @param value      what the firmware reads back: digital level for in/out, duty for pwm, raw for adc
 * @param level      the physical digital level an outside observer sees (differs from {@code value}
 *                   only under a fault such as a dead LED); 0 for pwm/adc
 * @param driven     whether something outside drives the pin (an injected level or voltage)
 * @param millivolts the voltage driven from outside (0 when not driven)
 */
public record PinState(int pin, PinMode mode, Pull pull, int value, int level, boolean inputOnly,
                       boolean adc, boolean driven, int millivolts, int pwmFreq, int pwmDuty) {
}
