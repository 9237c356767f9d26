package io.uconform.simulator.board;

/** One ADC conversion: the raw 12-bit value and the voltage it stands for. */
public record AdcReading(int pin, int raw, int millivolts) {
}
