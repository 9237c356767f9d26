package io.uconform.kind.sim;

import io.uconform.profile.Limits;
import io.uconform.profile.Profile;
import io.uconform.server.ServerOptions;
import io.uconform.server.cors.CorsPolicy;
import io.uconform.server.tls.TlsConfig;
import io.uconform.simulator.SimulatedDevice;
import io.uconform.simulator.SimulatorOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a {@link SimulatedDevice} from the {@code sim} target's options, one way for the suite's
 * {@code sim} target and for {@code uconform sim}: the same board, limits, faults, access options
 * and credentials ({@code auth-user}/{@code auth-password}, by default the reference profile's).
 */
public final class SimDevices {

    private SimDevices() {
    }

    /**
     * Starts a device as {@code run --target sim} would with these options, on the given admin port.
     * The timers default to the profile's ({@code timers=device}): {@code uconform sim} serves people
     * and other tools, not only the suite's fast timer checks.
     *
     * @throws io.uconform.spi.TargetException one line for a bad or unknown option
     * @throws io.uconform.simulator.SimulatorException one line when a port is in use
     */
    public static SimulatedDevice launch(Map<String, String> raw, Profile profile, int adminPort) {
        Map<String, String> options = new LinkedHashMap<>(raw);
        options.putIfAbsent("timers", "device");
        SimOptions parsed = SimOptions.parse(options);
        TlsConfig tls = parsed.access().tls() ? SimAccess.generateCertificate() : TlsConfig.off();
        return start(parsed, parsed.timers().apply(profile.limits()), adminPort, tls);
    }

    static SimulatedDevice start(SimOptions options, Limits limits, int adminPort, TlsConfig tls) {
        SimAccessOptions access = options.access();
        ServerOptions server = ServerOptions.defaults().withPort(options.port())
                .withLimits(LimitsMapping.toServer(limits)).withFaults(options.faults())
                .withBindAddress(access.bind()).withCors(access.cors() ? CorsPolicy.anyOrigin() : CorsPolicy.off());
        SimulatorOptions simulator = SimulatorOptions.forBoard(options.board()).withServer(server).withAdminPort(adminPort);
        simulator = simulator.withSettings(SimAccess.withCredentials(simulator.settings(), access)).withTlsListener(tls);
        SimulatedDevice device = SimulatedDevice.start(simulator);
        device.board().setFaults(options.boardFaults());
        return device;
    }
}
