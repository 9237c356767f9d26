package io.uconform.simulator;

import io.uconform.server.ServerOptions;
import io.uconform.server.board.DeviceSettings;
import io.uconform.server.tls.TlsConfig;
import io.uconform.simulator.board.BoardProfile;
import io.uconform.simulator.board.BoardProfiles;
import java.util.Objects;

/**
 * How to start a {@link SimulatedDevice}. Immutable; {@code withX} returns a copy.
 *
 * @param board     the board to simulate
 * @param server    the device's HTTP server (port 0 = ephemeral; limits; injected server faults)
 * @param adminPort the admin REST server's port (0 = ephemeral); it binds where the server binds
 * @param settings  the device configuration at first power-on (kept across resets)
 * @param tlsListener when enabled, a second listener serving the same routes over HTTPS (TLS-01)
 */
public record SimulatorOptions(BoardProfile board, ServerOptions server, int adminPort, DeviceSettings settings,
                               TlsConfig tlsListener) {

    public SimulatorOptions {
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(settings, "settings");
        if (adminPort < 0 || adminPort > 65535) {
            throw new IllegalArgumentException("admin port must be 0..65535, was " + adminPort);
        }
        tlsListener = tlsListener == null ? TlsConfig.off() : tlsListener;
    }

    public SimulatorOptions(BoardProfile board, ServerOptions server, int adminPort, DeviceSettings settings) {
        this(board, server, adminPort, settings, TlsConfig.off());
    }

    public SimulatorOptions withTlsListener(TlsConfig newTlsListener) {
        return new SimulatorOptions(board, server, adminPort, settings, newTlsListener);
    }

    /** An ESP32-DevKitC on ephemeral loopback ports with the reference limits. */
    public static SimulatorOptions defaults() {
        return forBoard(BoardProfiles.ESP32_DEVKITC);
    }

    public static SimulatorOptions forBoard(BoardProfile board) {
        return new SimulatorOptions(board, ServerOptions.defaults(), 0,
                DeviceSettings.defaults("uconform-sim", board.id()));
    }

    /** Another board; the device settings follow it (the board is part of them). */
    public SimulatorOptions withBoard(BoardProfile newBoard) {
        return new SimulatorOptions(newBoard, server, adminPort, DeviceSettings.defaults(settings.name(), newBoard.id()),
                tlsListener);
    }

    public SimulatorOptions withServer(ServerOptions newServer) {
        return new SimulatorOptions(board, newServer, adminPort, settings, tlsListener);
    }

    public SimulatorOptions withAdminPort(int newAdminPort) {
        return new SimulatorOptions(board, server, newAdminPort, settings, tlsListener);
    }

    public SimulatorOptions withSettings(DeviceSettings newSettings) {
        return new SimulatorOptions(board, server, adminPort, newSettings, tlsListener);
    }
}
