package io.uconform.server.sse;

import io.uconform.server.ServerFault;
import io.uconform.server.ServerOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app-level API to named event streams: application code publishes, SSE routes subscribe.
 * Each stream has {@link io.uconform.server.ServerLimits#maxSseSubscribers()} subscriber slots.
 * Thread-safe.
 */
public final class EventHub {

    private final ServerOptions options;
    private final Map<String, EventStream> streams = new ConcurrentHashMap<>();

    public EventHub(ServerOptions options) {
        this.options = options;
    }

    /** The stream of that name, created on first use. */
    public EventStream stream(String name) {
        return streams.computeIfAbsent(name, n -> new EventStream(n, options.limits().maxSseSubscribers(),
                options.has(ServerFault.SSE_NEWEST_SUBSCRIBER_ONLY)));
    }

    /** Publishes {@code data} as event {@code event} on stream {@code stream}. */
    public SseEvent publish(String stream, String event, String data) {
        return stream(stream).publish(event, data);
    }

    ServerOptions options() {
        return options;
    }
}
