package io.uconform.simulator.admin;

import io.uconform.server.Handler;
import io.uconform.server.HttpError;
import io.uconform.server.Request;
import io.uconform.simulator.board.VirtualBoard;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /admin/timeline?since=ms[&pin=n]}: events of the current boot at or after {@code since}
 * (default 0), with the board's clock so a poller can pass {@code now_ms} back as the next mark.
 */
final class TimelineEndpoint implements Handler {

    private final VirtualBoard board;

    TimelineEndpoint(VirtualBoard board) {
        this.board = board;
    }

    @Override
    public Object handle(Request request) {
        long since = number(request, "since", 0);
        long pin = number(request, "pin", Long.MIN_VALUE);
        int boot = board.bootCount();
        long now = board.uptimeMillis();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("boot", boot);
        m.put("now_ms", now);
        m.put("dropped", board.timeline().dropped());
        m.put("events", board.timeline().since(boot, since).stream()
                .filter(e -> pin == Long.MIN_VALUE || e.pin() == pin)
                .map(AdminJson::event).toList());
        return m;
    }

    private static long number(Request request, String name, long fallback) {
        String text = request.queryParam(name).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            long v = Long.parseLong(text);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new HttpError(400, "query parameter '" + name + "' must be a non-negative integer, not '" + text + "'");
        }
    }
}
