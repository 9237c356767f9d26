package io.uconform.simulator;

import io.uconform.console.ConsoleCapture;
import io.uconform.console.SecretMask;
import io.uconform.server.App;
import io.uconform.server.ReferenceServer;
import io.uconform.server.ServerOptions;
import io.uconform.server.ServerStartException;
import io.uconform.server.board.BoardApi;
import io.uconform.server.board.DeviceConfig;
import io.uconform.server.home.Realtime;
import io.uconform.simulator.admin.AdminDevice;
import io.uconform.simulator.admin.AdminServer;
import io.uconform.simulator.admin.RunStatus;
import io.uconform.simulator.board.Edge;
import io.uconform.simulator.board.PinState;
import io.uconform.simulator.board.ResetCause;
import io.uconform.simulator.board.VirtualBoard;
import java.net.URI;

/**
 * A simulated device: a {@link VirtualBoard} served by the JVM reference server with the board API,
 * plus an admin REST server (its own port) to watch and poke the board. Java face:
 * {@link #board()}, {@link #reset()}; REST face: {@link #adminUri()}.
 *
 * <p>Thread-safe. {@link #close()} is idempotent and stops both servers.
 */
public final class SimulatedDevice implements AdminDevice, AutoCloseable {

    /** Version of the simulated firmware, reported by {@code GET /system}. */
    public static final String FIRMWARE_VERSION = "uconform-sim " + Versions.UCONFORM;

    /** Version of the JVM reference server the device runs. */
    public static final String SERVER_VERSION = "uconform-server " + Versions.UCONFORM;

    private static final RunStatus STATUS = RunStatus.inProcess("JVM reference server");

    private final SimulatorOptions options;
    private final VirtualBoard board;
    private final DeviceConfig config;
    private final ConsoleCapture console;
    private final ReferenceServer server;
    private final AdminServer admin;
    private final Realtime realtime;
    private final java.nio.file.Path webRoot;
    private final ReferenceServer tlsServer;

    private SimulatedDevice(SimulatorOptions options) {
        this.options = options;
        this.board = VirtualBoard.powerOn(options.board());
        this.config = new DeviceConfig(options.settings());
        this.console = new ConsoleCapture(SecretMask.of(options.settings().secrets().toArray(String[]::new)));
        App app = new App(options.settings().name());
        BoardApi.install(app, new VirtualBoardAdapter(board, FIRMWARE_VERSION, this::reset), config,
                options.server().faults());
        this.realtime = Realtime.install(app, options.server(), config, board::uptimeMillis);
        this.webRoot = AccessWiring.install(app, config, options.server().faults());
        for (PinState pin : board.pins()) {
            board.onEdge(pin.pin(), Edge.BOTH, realtime::pinChanged);
        }
        try {
            this.server = startServer(app, options.server(), "device");
        } catch (RuntimeException e) {
            realtime.close();
            AccessWiring.removeWebRoot(webRoot);
            throw e;
        }
        AdminServer adminServer;
        ReferenceServer httpsServer = null;
        try {
            if (options.tlsListener().enabled()) {
                httpsServer = startServer(app, options.server().withPort(0).withTls(options.tlsListener()), "https");
            }
            adminServer = AdminServer.start(this, options.server().bindAddress(), options.adminPort());
        } catch (RuntimeException e) {
            if (httpsServer != null) {
                httpsServer.close();
            }
            server.close();
            realtime.close();
            AccessWiring.removeWebRoot(webRoot);
            // the admin face ("admin server: ...") reports its own start failure; this device's callers expect its exception
            throw e instanceof ServerStartException ? new SimulatorException(e.getMessage(), e) : e;
        }
        this.admin = adminServer;
        this.tlsServer = httpsServer;
        console.accept("boot: " + options.board().description() + ", reset cause " + board.resetCause().wireName());
        console.accept("UCONFORM READY url=" + baseUri());
        realtime.boot(board.resetCause().wireName());
    }

    /**
     * Powers on a board and starts both servers.
     *
     * @throws SimulatorException one line, e.g. when a port is in use
     */
    public static SimulatedDevice start(SimulatorOptions options) {
        return new SimulatedDevice(options);
    }

    /** The HTTPS listener's base, e.g. {@code https://127.0.0.1:41236}, when a TLS listener is configured. */
    public java.util.Optional<URI> tlsUri() {
        return tlsServer == null ? java.util.Optional.empty()
                : java.util.Optional.of(URI.create(tlsServer.uri().toString().replaceFirst("^http:", "https:")));
    }

    /** The directory served under {@code /files/}. */
    public java.nio.file.Path webRoot() {
        return webRoot;
    }

    /** The device's HTTP base, e.g. {@code http://127.0.0.1:41234/}. */
    public URI baseUri() {
        return server.uri();
    }

    /**
     * The admin face, e.g. {@code http://127.0.0.1:41235/admin}: the board page for a browser; the
     * REST endpoints live below it ({@code /admin/pins}, {@code /admin/timeline}, ...).
     */
    public URI adminUri() {
        return admin.pageUri();
    }

    @Override
    public URI deviceUri() {
        return baseUri();
    }

    @Override
    public VirtualBoard board() {
        return board;
    }

    @Override
    public RunStatus status() {
        return STATUS;
    }

    /** The JVM server runs as long as the device: its status never changes. */
    @Override
    public void onStatusChange(Runnable listener) {
        java.util.Objects.requireNonNull(listener, "listener");
    }

    public DeviceConfig config() {
        return config;
    }

    public SimulatorOptions options() {
        return options;
    }

    /** What the device prints: boot and reset lines, secrets masked. */
    @Override
    public ConsoleCapture console() {
        return console;
    }

    /** A soft reset, as {@code machine.reset()}: uptime restarts, configuration kept. */
    public void reset() {
        reset(ResetCause.SOFT);
    }

    @Override
    public void reset(ResetCause cause) {
        board.reset(cause);
        console.accept("UCONFORM RESET cause=" + cause.wireName());
        realtime.boot(cause.wireName());
    }

    public boolean isRunning() {
        return server.isRunning() && admin.isRunning();
    }

    @Override
    public void close() {
        try {
            admin.close();
            if (tlsServer != null) {
                tlsServer.close();
            }
        } finally {
            server.close();
            realtime.close();
            AccessWiring.removeWebRoot(webRoot);
        }
    }

    private static ReferenceServer startServer(App app, ServerOptions options, String role) {
        try {
            return ReferenceServer.start(app, options);
        } catch (ServerStartException e) {
            throw new SimulatorException(role + " server: " + e.getMessage(), e);
        }
    }
}
