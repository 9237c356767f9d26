package io.uconform.server.board;

import io.uconform.server.App;
import io.uconform.server.HttpError;
import io.uconform.server.Request;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /blink} {@code {"times":k,"interval_ms":t}} (NOWAIT-01): answered {@code {"data":null}}
 * at once; the {@link Blinker} then toggles the LED {@code 2k} times, {@code t} ms apart, on the
 * server's background thread. Missing fields default to 3 times, 100 ms. The answer precedes the
 * body's validation, so a malformed body cannot change the status: it is logged and nothing blinks.
 */
final class BlinkRoutes {

    private static final System.Logger LOG = System.getLogger(BlinkRoutes.class.getName());

    private final Blinker blinker;

    BlinkRoutes(Blinker blinker) {
        this.blinker = blinker;
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
        blinker.blink(times, interval);
        return null;
    }
}
