package io.uconform.simulator.board;

/**
 * The ESP32 12-bit ADC at 11 dB attenuation, approximated linearly: 0 mV reads 0, about 3300 mV
 * and above read 4095. (The real curve bends near both ends; the checks only need monotonic,
 * roughly proportional readings.)
 */
public final class AdcCurve {

    public static final int FULL_SCALE_MV = 3300;
    public static final int MAX_RAW = 4095;

    private AdcCurve() {
    }

    public static int rawFor(int millivolts) {
        int mv = Math.max(0, Math.min(FULL_SCALE_MV, millivolts));
        return Math.round(mv * (float) MAX_RAW / FULL_SCALE_MV);
    }

    public static int millivoltsFor(int raw) {
        int r = Math.max(0, Math.min(MAX_RAW, raw));
        return Math.round(r * (float) FULL_SCALE_MV / MAX_RAW);
    }
}
