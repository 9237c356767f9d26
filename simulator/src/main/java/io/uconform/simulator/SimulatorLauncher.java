package io.uconform.simulator;

import io.uconform.simulator.board.BoardProfiles;

/**
 * What the CLI's {@code uconform sim} calls: starts a simulated device and returns it; the caller
 * prints {@link SimulatedDevice#baseUri()} and {@link SimulatedDevice#adminUri()} and closes the
 * device when interrupted.
 */
public final class SimulatorLauncher {

    private SimulatorLauncher() {
    }

    public static SimulatedDevice start(SimulatorOptions options) {
        return SimulatedDevice.start(options);
    }

    /**
     * Starts a device from command-line values.
     *
     * @throws IllegalArgumentException one line for a bad board id or port
     * @throws SimulatorException       one line when a port is in use
     */
    public static SimulatedDevice start(String boardId, int port, int adminPort) {
        checkPort("port", port);
        checkPort("admin port", adminPort);
        SimulatorOptions options = SimulatorOptions.forBoard(BoardProfiles.byId(boardId)).withAdminPort(adminPort);
        return start(options.withServer(options.server().withPort(port)));
    }

    private static void checkPort(String what, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + " must be 0..65535, not " + port);
        }
    }
}
