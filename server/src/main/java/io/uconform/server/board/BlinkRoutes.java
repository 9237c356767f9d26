package io.uconform.server.board;

import io.uconform.server.App;
import io.uconform.server.HttpError;
import io.uconform.server.Request;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /blink} {@code {"times":k,"interval_ms":t}} (NOWAIT-01): answered {@code {"data":null}}
 * at once; the LED is then toggled {@code 2k} times, {@code t} ms apart, on the server's background
 * thread. Missing fields default to 3 times, 100 ms. The answer precedes the body's validation, so
 * a malformed body cannot change the status: it is logged and nothing blinks. A board reset
 * stops a running blink.
 */
final class BlinkRoutes {

    private static final System.Logger LOG = System.getLogger(BlinkRoutes.class.getName());

    private final Board board;

    BlinkRoutes(Board board) {
        this.board = board;
    }

    void install(App app) {
        app.nowait("/blink", Set.of("POST"), this::blink);
    }

    private Object blink(Request req) throws InterruptedException {
        int times;
        int interval;
        try {
            Map<String, Object> body = req.body().length == 0 ? Map.of()
                    : RouteArgs.object(req, Set.of("times", "interval_ms"));
            times = RouteArgs.integer(body, "times", 1, 1000, 3);
            interval = RouteArgs.integer(body, "interval_ms", 1, 10_000, 100);
        } catch (HttpError e) {
            LOG.log(System.Logger.Level.WARNING, "blink ignored: " + e.getMessage());
            return null;
        }
        int led = board.ledPin();
        long lastUptime = board.uptimeMillis();
        for (int i = 0; i < 2 * times; i++) {
            long uptime = board.uptimeMillis();
            if (uptime < lastUptime) {
                return null; // the board rebooted: like a real device, the blink dies with it
            }
            lastUptime = uptime;
            int now = board.pin(led).map(PinView::value).orElse(0);
            board.write(led, 1 - now);
            Thread.sleep(interval);
        }
        return null;
    }
}
