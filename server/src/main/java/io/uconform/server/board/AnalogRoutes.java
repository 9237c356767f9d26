package io.uconform.server.board;

import io.uconform.server.App;
import io.uconform.server.HttpError;
import io.uconform.server.Request;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code GET /adc/{n}} ({@code {"raw","mv"}}) and {@code PUT /pwm/{n}} ({@code {"freq","duty"}}). */
final class AnalogRoutes {

    /** The ESP32 LEDC range. */
    static final int MAX_PWM_FREQ = 40_000_000;

    private final Board board;

    AnalogRoutes(Board board) {
        this.board = board;
    }

    void install(App app) {
        app.route("/adc/{n}", Set.of("GET"), this::adc);
        app.route("/pwm/{n}", Set.of("PUT"), this::pwm);
    }

    private Object adc(Request req) {
        PinView pin = RouteArgs.pin(req, board);
        if (!pin.adc()) {
            throw new HttpError(409, "pin " + pin.pin() + " has no ADC channel");
        }
        return board.readAdc(pin.pin()).toJson();
    }

    private Object pwm(Request req) {
        PinView pin = RouteArgs.pin(req, board);
        Map<String, Object> body = RouteArgs.object(req, Set.of("freq", "duty"));
        int freq = RouteArgs.integer(body, "freq", 1, MAX_PWM_FREQ, null);
        int duty = RouteArgs.integer(body, "duty", 0, 1023, null);
        if (pin.inputOnly()) {
            throw new HttpError(409, "pin " + pin.pin() + " is input-only");
        }
        PinView result = board.pwm(pin.pin(), freq, duty);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pin", result.pin());
        m.put("freq", result.pwmFreq());
        m.put("duty", result.pwmDuty());
        return m;
    }
}
