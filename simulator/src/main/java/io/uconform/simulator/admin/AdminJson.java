package io.uconform.simulator.admin;

import io.uconform.server.HttpError;
import io.uconform.server.Request;
import io.uconform.simulator.board.BoardEvent;
import io.uconform.simulator.board.BoardProfile;
import io.uconform.simulator.board.PinState;
import io.uconform.simulator.board.VirtualBoard;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wire forms of board values and request helpers shared by the admin endpoints and the live feed. */
final class AdminJson {

    private AdminJson() {
    }

    static Map<String, Object> pin(PinState s, BoardProfile profile) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pin", s.pin());
        m.put("mode", s.mode().wireName());
        m.put("value", s.value());
        m.put("level", s.level());
        m.put("pull", s.pull().wireName());
        m.put("input_only", s.inputOnly());
        m.put("adc", s.adc());
        m.put("flash", profile.isFlashPin(s.pin()));
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

    /** Profile, uptime, reset cause, boot count and the device URL. */
    static Map<String, Object> board(AdminDevice device) {
        VirtualBoard board = device.board();
        BoardProfile p = board.profile();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("board", p.id());
        m.put("description", p.description());
        m.put("led_pin", p.ledPin());
        m.put("button_pin", p.buttonPin());
        m.put("gpios", p.gpios());
        m.put("input_only", p.inputOnly().stream().sorted().toList());
        m.put("adc_pins", p.adcPins().stream().sorted().toList());
        m.put("flash_pins", p.flashPins().stream().sorted().toList());
        m.put("uptime_ms", board.uptimeMillis());
        m.put("reset_cause", board.resetCause().wireName());
        m.put("boot", board.bootCount());
        m.put("url", device.deviceUri().toString());
        return m;
    }

    static Map<String, Object> status(RunStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", s.state());
        m.put("headline", s.headline());
        m.put("detail", s.detail());
        m.put("interpreter", s.interpreter());
        m.put("restarts", s.restarts());
        return m;
    }

    static Map<String, Object> consoleLine(ConsoleTail.Numbered l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", l.n());
        m.put("at", l.line().at().toString());
        m.put("text", l.line().text());
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
