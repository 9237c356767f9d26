package io.uconform.server.sse;

import io.uconform.server.App;
import io.uconform.server.BodyWriter;
import io.uconform.server.HttpError;
import io.uconform.server.Json;
import io.uconform.server.Request;
import io.uconform.server.Response;
import io.uconform.server.ServerFault;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Installs server-sent event routes on an {@link App}: {@code GET path} subscribes to a stream
 * (200 {@code text/event-stream}, {@code Cache-Control: no-cache}, chunked, SSE-01; 503 over the
 * subscriber cap, SSE-04), and optionally a {@code POST} route that publishes its JSON body.
 */
public final class SseApi {

    /** Comment line sent when nothing happened for this long, so a vanished client is noticed. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(1);

    private SseApi() {
    }

    /** {@code GET path}: subscribes the client to {@code stream} until it leaves. */
    public static App install(App app, String path, EventHub hub, String stream) {
        EventStream events = hub.stream(stream);
        boolean noCap = hub.options().has(ServerFault.SSE_NO_SUBSCRIBER_CAP);
        boolean split = !hub.options().has(ServerFault.SSE_MULTILINE_DATA_UNSPLIT);
        boolean noCacheHeader = hub.options().has(ServerFault.SSE_NO_CACHE_CONTROL);
        return app.route(path, Set.of("GET"), request -> {
            Optional<Subscription> subscription = "HEAD".equals(request.method()) ? Optional.empty()
                    : noCap ? Optional.of(events.subscribeBeyondCap()) : events.subscribe();
            if (subscription.isEmpty() && !"HEAD".equals(request.method())) {
                return Response.error(503, "event stream '" + stream + "' already has its maximum of "
                        + hub.options().limits().maxSseSubscribers() + " subscribers");
            }
            BodyWriter body = subscription.isPresent()
                    ? new SubscriberWriter(subscription.get(), split, HEARTBEAT) : out -> { };
            Response response = Response.chunked(200, "text/event-stream", body);
            return noCacheHeader ? response : response.withHeader("Cache-Control", "no-cache");
        });
    }

    /**
     * {@code POST path} with {@code {"event":name,"data":text}}: publishes on {@code stream} and
     * answers {@code {"data":{"id":n,"subscribers":k}}}. A diagnostic route for the suite (SSE-02).
     */
    public static App installPublisher(App app, String path, EventHub hub, String stream) {
        EventStream events = hub.stream(stream);
        return app.route(path, Set.of("POST"), request -> publish(events, request));
    }

    private static Object publish(EventStream events, Request request) {
        if (!(request.json() instanceof Map)) {
            throw new HttpError(400, "expected {\"event\": name, \"data\": text}");
        }
        Map<?, ?> body = (Map<?, ?>) request.json();
        Object name = body.containsKey("event") ? body.get("event") : "message";
        Object data = body.get("data");
        if (!(name instanceof String) || ((String) name).isEmpty() || ((String) name).matches("(?s).*[\r\n].*")) {
            throw new HttpError(400, "'event' must be a one-line, non-empty string");
        }
        String text = data instanceof String ? (String) data : Json.write(data);
        SseEvent sent = events.publish((String) name, text);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", sent.id());
        result.put("subscribers", events.subscriberCount());
        return result;
    }
}
