package io.uconform.server;

import io.uconform.server.internal.Engine;
import java.net.URI;
import java.util.Objects;

/**
 * The JVM reference server: serves an {@link App} per the conformance contract, dependency-free.
 *
 * <pre>{@code
 * try (ReferenceServer server = ReferenceServer.start(app, ServerOptions.defaults())) {
 *     URI base = server.uri();   // http://127.0.0.1:<ephemeral port>
 * }
 * }</pre>
 *
 * <p>One thread per connection, at most {@link ServerLimits#maxClients()} at once; beyond that an
 * idle keep-alive connection is closed to make room, otherwise the newcomer gets 503. Thread-safe.
 */
public final class ReferenceServer implements AutoCloseable {
    private final Engine engine;
    private final ServerOptions options;

    private ReferenceServer(Engine engine, ServerOptions options) {
        this.engine = engine;
        this.options = options;
    }

    /**
     * Binds and starts serving; returns once the port is listening.
     *
     * @throws ServerStartException with one clear line, e.g. "port 8080 on 127.0.0.1 is already in use"
     */
    public static ReferenceServer start(App app, ServerOptions options) {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(options, "options");
        return new ReferenceServer(Engine.start(app, options), options);
    }

    /** The bound port (the real one when started on port 0). */
    public int port() {
        return engine.port();
    }

    /** {@code http://host:port} for clients; a wildcard bind address is reached through loopback. */
    public URI uri() {
        String host = options.bindAddress();
        if ("0.0.0.0".equals(host)) {
            host = "127.0.0.1";
        } else if ("::".equals(host) || "::0".equals(host) || "0:0:0:0:0:0:0:0".equals(host)) {
            host = "[::1]";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }

    /** False after {@link #close()} (or an injected crash). */
    public boolean isRunning() {
        return engine.isRunning();
    }

    public ServerOptions options() {
        return options;
    }

    public ServerStats stats() {
        return engine.stats();
    }

    /**
     * Stops listening, closes every connection (interrupting their threads) and joins them,
     * bounded to about two seconds. Idempotent.
     */
    @Override
    public void close() {
        engine.close();
    }
}
