package io.uconform.server.board;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One pin as the board API reports it. Immutable.
 *
 * @param value digital level (0/1) for in/out, duty for pwm, raw reading for adc
 */
public record PinView(int pin, String mode, int value, String pull, boolean inputOnly, boolean adc,
                      int pwmFreq, int pwmDuty) {

    /** The wire form {@code {"pin","mode","value","pull"}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pin", pin);
        m.put("mode", mode);
        m.put("value", value);
        m.put("pull", pull);
        return m;
    }
}
