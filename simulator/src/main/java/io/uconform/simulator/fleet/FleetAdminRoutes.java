package io.uconform.simulator.fleet;

import io.uconform.server.App;
import io.uconform.server.HttpError;
import io.uconform.server.Response;
import io.uconform.simulator.SimulatedDevice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The fleet admin server's routes: {@code GET /admin/fleet} (every board: number, URL, admin URL,
 * board, LED level, uptime, reset cause), {@code GET /admin/fleet/{n}} (one board, 1-based) and
 * {@code GET /admin}, a self-contained page (no scripts, no external assets, refreshes itself every
 * 2 s) with one tile per board linking to the board's own admin page.
 */
final class FleetAdminRoutes {

    private FleetAdminRoutes() {
    }

    static App install(App app, Supplier<List<SimulatedDevice>> devices) {
        app.route("/admin/fleet", Set.of("GET"), request -> {
            List<Map<String, Object>> boards = new ArrayList<>();
            List<SimulatedDevice> all = devices.get();
            for (int i = 0; i < all.size(); i++) {
                boards.add(describe(i, all.get(i)));
            }
            return Map.of("count", all.size(), "boards", boards);
        });
        app.route("/admin/fleet/{n}", Set.of("GET"), request -> {
            List<SimulatedDevice> all = devices.get();
            int n;
            try {
                n = Integer.parseInt(request.param("n").orElse(""));
            } catch (NumberFormatException e) {
                throw new HttpError(400, "board number must be 1.." + all.size());
            }
            if (n < 1 || n > all.size()) {
                throw new HttpError(404, "no board " + n + " (the fleet has 1.." + all.size() + ")");
            }
            return describe(n - 1, all.get(n - 1));
        });
        app.route("/admin", Set.of("GET"), request -> Response.of(200, "text/html; charset=utf-8",
                page(devices.get()).getBytes(StandardCharsets.UTF_8)));
        return app;
    }

    private static Map<String, Object> describe(int index, SimulatedDevice device) {
        Map<String, Object> board = new LinkedHashMap<>();
        board.put("n", index + 1);
        board.put("url", device.baseUri().toString());
        board.put("admin", device.adminUri().toString());
        board.put("board", device.board().profile().id());
        board.put("led", device.board().pin(device.board().profile().ledPin()).level());
        board.put("uptime_ms", device.board().uptimeMillis());
        board.put("reset_cause", device.board().resetCause().wireName());
        return board;
    }

    private static String page(List<SimulatedDevice> devices) {
        StringBuilder h = new StringBuilder(256 + devices.size() * 160);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\""
                + " content=\"2\"><title>uconform fleet</title><style>body{font:13px system-ui,sans-serif;margin:1.5em}"
                + ".b{display:inline-block;width:9em;margin:2px;padding:3px 5px;border:1px solid #ccc;border-radius:3px}"
                + ".on{background:#ffe066}.off{background:#f3f3f3}a{color:#225}</style></head><body>\n<h1>uconform fleet: ")
                .append(devices.size()).append(" boards</h1>\n<p>LED lit: yellow. Each tile links to the board; its"
                        + " pins, buttons and timeline are on the board's own admin page (adm). JSON: <a href=\"/admin/fleet\">"
                        + "/admin/fleet</a></p>\n");
        for (int i = 0; i < devices.size(); i++) {
            SimulatedDevice d = devices.get(i);
            boolean lit = d.board().pin(d.board().profile().ledPin()).level() == 1;
            String url = d.baseUri().toString();
            h.append("<span class=\"b ").append(lit ? "on" : "off").append("\">#").append(i + 1).append(" <a href=\"")
                    .append(url).append("\">").append(url.replaceFirst("^http://", "").replaceFirst("/$", ""))
                    .append("</a> <a href=\"").append(d.adminUri()).append("\">adm</a></span>\n");
        }
        return h.append("</body></html>\n").toString();
    }
}
