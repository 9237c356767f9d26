package io.uconform.server.ws;

import io.uconform.server.App;
import io.uconform.server.Response;
import io.uconform.server.ServerOptions;
import java.util.Optional;
import java.util.Set;

/**
 * Installs a WebSocket endpoint (RFC 6455) on an {@link App}: a valid upgrade gets 101 and a
 * session on the connection's thread (the session holds one of the server's client slots); a bad
 * upgrade gets 400 naming the problem. Messages are limited to
 * {@link io.uconform.server.ServerLimits#maxWsMessageBytes()} (1009 beyond).
 */
public final class WebSocketApi {

    private WebSocketApi() {
    }

    /** The reference endpoint: echo, plus the {@code upper} command (see {@link EchoHandler}). */
    public static App install(App app, String path, ServerOptions options) {
        WsFaults faults = WsFaults.of(options);
        return install(app, path, options, new EchoHandler(faults.binaryAsText()));
    }

    public static App install(App app, String path, ServerOptions options, MessageHandler handler) {
        WsFaults faults = WsFaults.of(options);
        return app.route(path, Set.of("GET"), request -> {
            Optional<String> problem = Handshake.problem(request);
            if (problem.isPresent() && !faults.badUpgradeAccepted()) {
                return Response.error(400, "bad WebSocket upgrade: " + problem.get())
                        .withHeader("Sec-WebSocket-Version", "13");
            }
            String key = request.header("Sec-WebSocket-Key").orElse("");
            return Response.upgrade(101, connection -> new WebSocketSession(connection, handler, faults).run())
                    .withHeader("Upgrade", "websocket")
                    .withHeader("Connection", "Upgrade")
                    .withHeader("Sec-WebSocket-Accept", Handshake.accept(key, !faults.wrongAccept()));
        });
    }
}
