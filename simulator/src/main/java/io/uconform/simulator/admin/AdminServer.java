package io.uconform.simulator.admin;

import io.uconform.server.App;
import io.uconform.server.ReferenceServer;
import io.uconform.server.ServerLimits;
import io.uconform.server.ServerOptions;
import io.uconform.server.ServerStartException;
import java.net.URI;

/**
 * The admin face of a device on its own port: the REST endpoints, the board page and its live
 * feed. Idempotent {@link #close()}.
 */
public final class AdminServer implements AutoCloseable {

    /** Browsers keep one live feed per page open; the rest are short API calls. */
    static final int MAX_CLIENTS = 16;

    private final ReferenceServer server;
    private final LiveHub hub;

    private AdminServer(ReferenceServer server, LiveHub hub) {
        this.server = server;
        this.hub = hub;
    }

    /**
     * Serves the admin face of {@code device}.
     *
     * @param bindAddress where to listen (the device's own bind address)
     * @param port        0 for an ephemeral port
     * @throws ServerStartException one line starting {@code admin server: }, e.g. when the port is in use (the
     *                             device that serves the face turns it into its own exception)
     */
    public static AdminServer start(AdminDevice device, String bindAddress, int port) {
        LiveHub hub = new LiveHub(device);
        App app = AdminRoutes.install(new App("uconform-admin"), device, hub);
        ServerOptions options = ServerOptions.defaults().withBindAddress(bindAddress).withPort(port)
                .withLimits(ServerLimits.reference().withMaxClients(MAX_CLIENTS));
        try {
            return new AdminServer(ReferenceServer.start(app, options), hub);
        } catch (ServerStartException e) {
            hub.close();
            throw new ServerStartException("admin server: " + e.getMessage(), e);
        }
    }

    /** The board page, e.g. {@code http://127.0.0.1:8081/admin}; the REST endpoints live below it. */
    public URI pageUri() {
        return server.uri().resolve("/admin");
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            hub.close();
        }
    }
}
