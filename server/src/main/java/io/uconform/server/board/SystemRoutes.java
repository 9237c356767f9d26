package io.uconform.server.board;

import io.uconform.server.App;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /system} (SYS-01: uptime, free heap, firmware, board, reset cause, device name) and
 * {@code POST /system/reset} (SYS-02): answered {@code {"data":null}} first, then the board reboots
 * on the server's background thread; the configuration store is not touched.
 */
final class SystemRoutes {
    static final String RESET_PATH = "/system/reset";

    private final Board board;
    private final DeviceConfig config;
    private final Blinker blinker;

    SystemRoutes(Board board, DeviceConfig config, Blinker blinker) {
        this.board = board;
        this.config = config;
        this.blinker = blinker;
    }

    void install(App app) {
        app.route("/system", Set.of("GET"), req -> system());
        app.nowait(RESET_PATH, Set.of("POST"), req -> {
            blinker.cancel();
            board.softReset();
            return null;
        });
    }

    private Map<String, Object> system() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uptime_ms", board.uptimeMillis());
        m.put("free_heap", board.freeHeapBytes());
        m.put("firmware", board.firmwareVersion());
        m.put("board", board.name());
        m.put("reset_cause", board.resetCause());
        m.put("name", config.current().name());
        return m;
    }
}
