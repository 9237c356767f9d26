package io.uconform.server.board;

import io.uconform.server.App;
import io.uconform.server.HttpError;
import io.uconform.server.Request;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /gpio}, {@code GET /gpio/{n}}, {@code PUT /gpio/{n}} with
 * {@code {"mode":..,"value":..,"pull":..}}: 404 unknown pin, 400 bad body, 409 for what the pin
 * cannot do (drive an input-only pin, ADC on a pin without a channel, a value in mode in).
 */
final class GpioRoutes {

    static final Set<String> MODES = Set.of("in", "out", "pwm", "adc");
    static final Set<String> PULLS = Set.of("up", "down", "none");

    private final Board board;

    GpioRoutes(Board board) {
        this.board = board;
    }

    void install(App app) {
        app.route("/gpio", Set.of("GET"), req -> board.pins().stream().map(PinView::toJson).toList());
        app.route("/gpio/{n}", Set.of("GET"), req -> RouteArgs.pin(req, board).toJson());
        app.route("/gpio/{n}", Set.of("PUT"), this::put);
    }

    private Object put(Request req) {
        PinView pin = RouteArgs.pin(req, board);
        Map<String, Object> body = RouteArgs.object(req, Set.of("mode", "value", "pull"));
        if (body.isEmpty()) {
            throw new HttpError(400, "body needs at least one of mode, value, pull");
        }
        String mode = RouteArgs.choice(body, "mode", MODES);
        String pull = RouteArgs.choice(body, "pull", PULLS);
        Integer value = body.containsKey("value") ? RouteArgs.integer(body, "value", 0, 1, null) : null;
        String target = mode == null ? pin.mode() : mode;
        int n = pin.pin();
        if (pin.inputOnly() && ("out".equals(target) || "pwm".equals(target) || value != null)) {
            throw new HttpError(409, "pin " + n + " is input-only");
        }
        if ("adc".equals(target) && !pin.adc()) {
            throw new HttpError(409, "pin " + n + " has no ADC channel");
        }
        if (value != null && !"out".equals(target)) {
            throw new HttpError(409, "cannot write pin " + n + " in mode " + target);
        }
        if ("pwm".equals(target)) {
            board.pwm(n, pin.pwmFreq() > 0 ? pin.pwmFreq() : 5000, pin.pwmDuty());
        }
        PinView result = board.configure(n, "pwm".equals(target) ? null : target, pull);
        if (value != null) {
            result = board.write(n, value);
        }
        return result.toJson();
    }
}
