package io.uconform.server.stream;

import io.uconform.server.App;
import io.uconform.server.Response;
import io.uconform.server.ServerFault;
import io.uconform.server.ServerOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * Installs a {@code multipart/x-mixed-replace} stream route (STREAM-01): a small JSON part every
 * {@code interval} until the client leaves. The stream holds one of the server's client slots.
 */
public final class StreamApi {

    public static final String BOUNDARY = "uconform-frame";
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(200);

    private StreamApi() {
    }

    /** The reference stream: parts {@code {"frame":n,"t_ms":uptime}}. */
    public static App install(App app, String path, ServerOptions options, LongSupplier uptimeMillis) {
        return install(app, path, options, DEFAULT_INTERVAL, n -> frame(n, uptimeMillis.getAsLong()));
    }

    /** @param frames the payload of part n (any value {@link io.uconform.server.Json} writes) */
    public static App install(App app, String path, ServerOptions options, Duration interval,
                              LongFunction<Object> frames) {
        // STREAM_WRONG_BOUNDARY: the parts use a delimiter other than the declared one
        String written = options.has(ServerFault.STREAM_WRONG_BOUNDARY) ? BOUNDARY + "-x" : BOUNDARY;
        return app.route(path, Set.of("GET"), request -> Response.chunked(200,
                "multipart/x-mixed-replace; boundary=" + BOUNDARY,
                new MultipartStreamWriter(written, interval, frames)).withHeader("Cache-Control", "no-cache"));
    }

    private static Map<String, Object> frame(long n, long uptimeMillis) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("frame", n);
        m.put("t_ms", uptimeMillis);
        return m;
    }
}
