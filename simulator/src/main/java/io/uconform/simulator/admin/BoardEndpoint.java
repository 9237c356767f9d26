package io.uconform.simulator.admin;

import io.uconform.server.Handler;
import io.uconform.server.Request;
import io.uconform.simulator.SimulatedDevice;
import io.uconform.simulator.board.BoardProfile;
import io.uconform.simulator.board.VirtualBoard;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /admin/board}: profile, uptime, reset cause, boot count and the device URL. */
final class BoardEndpoint implements Handler {

    private final SimulatedDevice device;

    BoardEndpoint(SimulatedDevice device) {
        this.device = device;
    }

    @Override
    public Object handle(Request request) {
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
        m.put("uptime_ms", board.uptimeMillis());
        m.put("reset_cause", board.resetCause().wireName());
        m.put("boot", board.bootCount());
        m.put("url", device.baseUri().toString());
        return m;
    }
}
