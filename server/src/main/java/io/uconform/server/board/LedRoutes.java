package io.uconform.server.board;

import io.uconform.server.App;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code GET /led}, {@code /led/on}, {@code /led/off}, {@code /led/toggle}: the on-board LED. */
final class LedRoutes {

    private final Board board;

    LedRoutes(Board board) {
        this.board = board;
    }

    void install(App app) {
        Set<String> get = Set.of("GET");
        app.route("/led", get, req -> state());
        app.route("/led/on", get, req -> set(1));
        app.route("/led/off", get, req -> set(0));
        app.route("/led/toggle", get, req -> toggle());
    }

    private Map<String, Object> set(int value) {
        board.write(board.ledPin(), value);
        return state();
    }

    private synchronized Map<String, Object> toggle() {
        int now = board.pin(board.ledPin()).map(PinView::value).orElse(0);
        return set(1 - now);
    }

    private Map<String, Object> state() {
        int led = board.ledPin();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pin", led);
        m.put("value", board.pin(led).map(PinView::value).orElse(0));
        return m;
    }
}
