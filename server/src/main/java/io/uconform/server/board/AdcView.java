package io.uconform.server.board;

import java.util.LinkedHashMap;
import java.util.Map;

/** One ADC conversion: raw 0..4095 and millivolts. */
public record AdcView(int raw, int millivolts) {

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("raw", raw);
        m.put("mv", millivolts);
        return m;
    }
}
