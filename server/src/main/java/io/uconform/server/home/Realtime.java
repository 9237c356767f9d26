package io.uconform.server.home;

import io.uconform.server.App;
import io.uconform.server.Json;
import io.uconform.server.ServerFault;
import io.uconform.server.ServerOptions;
import io.uconform.server.board.DeviceConfig;
import io.uconform.server.sse.EventHub;
import io.uconform.server.sse.SseApi;
import io.uconform.server.stream.StreamApi;
import io.uconform.server.ws.WebSocketApi;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The reference device's real-time routes in one call: {@code GET /events} (SSE: {@code pin} and
 * {@code boot} events), {@code POST /events/publish} (diagnostic publisher), {@code GET /ws}
 * (WebSocket echo) and {@code GET /stream} (multipart stream), plus the home reporter. The device
 * feeds board events through {@link DeviceEvents}; {@link #close()} stops the reporter.
 */
public final class Realtime implements DeviceEvents, AutoCloseable {

    /** The stream behind {@code /events}. */
    public static final String EVENTS = "events";

    private final EventHub hub;
    private final HomeReporter home;

    private Realtime(EventHub hub, HomeReporter home) {
        this.hub = hub;
        this.home = home;
    }

    /** Registers the routes on {@code app} (before the server starts) and starts the home reporter. */
    public static Realtime install(App app, ServerOptions options, DeviceConfig config, LongSupplier uptimeMillis) {
        EventHub hub = new EventHub(options);
        SseApi.install(app, "/events", hub, EVENTS);
        SseApi.installPublisher(app, "/events/publish", hub, EVENTS);
        WebSocketApi.install(app, "/ws", options);
        StreamApi.install(app, "/stream", options, uptimeMillis);
        HomeOptions homeOptions = HomeOptions.defaults();
        if (options.has(ServerFault.HOME_NO_RETRY)) {
            homeOptions = homeOptions.withMaxAttempts(1);
        }
        HomeReporter home = new HomeReporter(() -> config.current().homeUrl(), () -> config.current().name(),
                homeOptions);
        return new Realtime(hub, home);
    }

    public EventHub hub() {
        return hub;
    }

    public HomeReporter home() {
        return home;
    }

    @Override
    public void boot(String resetCause) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reset_cause", resetCause);
        publish("boot", data);
    }

    @Override
    public void pinChanged(int pin, int value, long tMillis) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pin", pin);
        data.put("value", value);
        data.put("t_ms", tMillis);
        publish("pin", data);
    }

    @Override
    public void close() {
        home.close();
    }

    private void publish(String event, Map<String, Object> data) {
        hub.publish(EVENTS, event, Json.write(data));
        home.submit(event, data);
    }
}
