package io.uconform.simulator.fleet;

import io.uconform.server.App;
import io.uconform.server.ReferenceServer;
import io.uconform.server.ServerLimits;
import io.uconform.server.ServerOptions;
import io.uconform.server.ServerStartException;
import io.uconform.simulator.SimulatedDevice;
import io.uconform.simulator.SimulatorException;
import io.uconform.simulator.SimulatorOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * N simulated boards in one JVM ({@code uconform sim --count N}), for developing a client or a
 * dashboard that talks to many devices: each a full {@link SimulatedDevice} on its own loopback
 * address ({@link FleetAddresses}), with its own admin server on that address, and one fleet admin
 * server that lists them all ({@code GET /admin/fleet}) and shows them on one page
 * ({@code GET /admin}). Thread-safe; {@link #close()} stops every board.
 */
public final class SimulatedFleet implements AutoCloseable {

    private final List<SimulatedDevice> devices;
    private final ReferenceServer admin;

    private SimulatedFleet(List<SimulatedDevice> devices, ReferenceServer admin) {
        this.devices = List.copyOf(devices);
        this.admin = admin;
    }

    /**
     * Starts {@code count} boards like {@code template} (its board, settings and server limits),
     * board i on {@code addresses.host(i):addresses.port(i)}, its admin server on the same host
     * (any port), and the fleet's admin server on 127.0.0.1:{@code adminPort}.
     *
     * @throws SimulatorException one line naming the board that could not start (port in use, ...);
     *                            the boards started before it are stopped
     */
    public static SimulatedFleet start(SimulatorOptions template, int count, FleetAddresses addresses, int adminPort) {
        if (count < 1 || count > FleetAddresses.MAX_BOARDS) {
            throw new IllegalArgumentException("count must be 1.." + FleetAddresses.MAX_BOARDS + ", not " + count);
        }
        List<SimulatedDevice> started = startBoards(template, count, addresses);
        try {
            SimulatedFleet[] fleet = new SimulatedFleet[1];
            App app = FleetAdminRoutes.install(new App("uconform-fleet-admin"), () -> fleet[0].devices());
            ReferenceServer admin;
            try {
                admin = ReferenceServer.start(app, ServerOptions.defaults().withPort(adminPort)
                        .withLimits(ServerLimits.reference().withMaxClients(16)));
            } catch (ServerStartException e) {
                throw new SimulatorException("fleet admin server: " + e.getMessage(), e);
            }
            fleet[0] = new SimulatedFleet(started, admin);
            return fleet[0];
        } catch (RuntimeException e) {
            started.forEach(SimulatedDevice::close);
            throw e;
        }
    }

    /**
     * Starts the boards a few at a time side by side (a board's start mostly waits on binding its two
     * servers): 1,000 boards came up in 31 s one by one on the 2-core machine. In board order; when one
     * fails, every started board is stopped and the first failure (by board number) is thrown.
     */
    private static List<SimulatedDevice> startBoards(SimulatorOptions template, int count, FleetAddresses addresses) {
        ExecutorService starter = Executors.newFixedThreadPool(Math.min(count, STARTERS), r -> {
            Thread t = new Thread(r, "uconform-fleet-start");
            t.setDaemon(true);
            return t;
        });
        List<Future<SimulatedDevice>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                int board = i;
                futures.add(starter.submit(() -> startBoard(template, board, count, addresses)));
            }
            List<SimulatedDevice> started = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<SimulatedDevice> f : futures) {
                try {
                    started.add(f.get());
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r
                                : new SimulatorException(String.valueOf(e.getCause()), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    if (failure == null) {
                        failure = new SimulatorException("interrupted while starting the fleet", e);
                    }
                }
            }
            if (failure != null) {
                started.parallelStream().forEach(SimulatedDevice::close);
                throw failure;
            }
            return started;
        } finally {
            starter.shutdownNow();
        }
    }

    private static SimulatedDevice startBoard(SimulatorOptions template, int i, int count, FleetAddresses addresses) {
        SimulatorOptions options = template.withServer(template.server().withBindAddress(addresses.host(i))
                .withPort(addresses.port(i))).withAdminPort(0);
        try {
            return SimulatedDevice.start(options);
        } catch (SimulatorException e) {
            throw new SimulatorException("board " + (i + 1) + " of " + count + " on " + addresses.host(i) + ":"
                    + addresses.port(i) + ": " + e.getMessage(), e);
        }
    }

    /** Boards started at once. */
    private static final int STARTERS = 8;

    public List<SimulatedDevice> devices() {
        return devices;
    }

    /** The fleet's page and API, e.g. {@code http://127.0.0.1:8081/admin} ({@code /admin/fleet} lists the boards). */
    public URI adminUri() {
        return admin.uri().resolve("/admin");
    }

    @Override
    public void close() {
        try {
            admin.close();
        } finally {
            devices.parallelStream().forEach(SimulatedDevice::close);
        }
    }
}
