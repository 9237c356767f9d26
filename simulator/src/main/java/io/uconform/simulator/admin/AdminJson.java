package io.uconform.simulator.admin;

import io.uconform.server.HttpError;
import io.uconform.server.Request;
import io.uconform.simulator.board.BoardEvent;
import io.uconform.simulator.board.PinState;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wire forms of board values and request helpers shared by the admin endpoints. */
final class AdminJson {

    private AdminJson() {
    }

    static Map<String, Object> pin(PinState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pin", s.pin());
        m.put("mode", s.mode().wireName());
        m.put("value", s.value());
        m.put("level", s.level());
        m.put("pull", s.pull().wireName());
        m.put("input_only", s.inputOnly());
        m.put("adc", s.adc());
        m.put("driven", s.driven());
        m.put("mv", s.millivolts());
        m.put("pwm_freq", s.pwmFreq());
        m.put("pwm_duty", s.pwmDuty());
        return m;
    }

    static Map<String, Object> event(BoardEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("boot", e.boot());
        m.put("t_ms", e.atMillis());
        m.put("kind", e.kind().wireName());
        m.put("pin", e.pin());
        m.put("value", e.value());
        m.put("detail", e.detail());
        return m;
    }

    /** The {@code {n}} path segment as a number; 404 when it is not one. */
    static int pinNumber(Request request) {
        String text = request.param("n").orElse("");
        if (!text.matches("\\d{1,3}")) {
            throw new HttpError(404, "no pin '" + text + "'");
        }
        return Integer.parseInt(text);
    }

    /** The body as a JSON object (400 otherwise); an empty body is an empty object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Request request) {
        if (request.body().length == 0) {
            return Map.of();
        }
        Object body = request.json();
        if (!(body instanceof Map)) {
            throw new HttpError(400, "body must be a JSON object");
        }
        return (Map<String, Object>) body;
    }
}
