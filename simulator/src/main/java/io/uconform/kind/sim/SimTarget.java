package io.uconform.kind.sim;

import io.uconform.profile.Limits;
import io.uconform.server.tls.TlsConfig;
import io.uconform.simulator.SimulatedDevice;
import io.uconform.simulator.SimulatorException;
import io.uconform.spi.Readiness;
import io.uconform.spi.RunningTarget;
import io.uconform.spi.Target;
import io.uconform.spi.TargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code sim} target: a {@link SimulatedDevice} in this JVM. The harness owns its lifecycle:
 * {@link #restart()} (the shared default: close, start) powers on a fresh device. Start and close are idempotent.
 */
public final class SimTarget implements Target {

    /** Ready when a fresh device answers its first {@code GET /} with 200, within 10 s. */
    static final Readiness READINESS = Readiness.http("/").withTimeout(java.time.Duration.ofSeconds(10));

    private final SimOptions options;
    private final Limits limits;
    private SimulatedDevice device;
    private RunningTarget running;
    private TlsConfig tls;

    /** @param profileLimits the limits the profile claims; the timer policy adjusts them */
    public SimTarget(SimOptions options, Limits profileLimits) {
        this.options = options;
        this.limits = options.timers().apply(profileLimits);
    }

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public synchronized RunningTarget start() {
        if (running != null && device.isRunning()) {
            return running;
        }
        close();
        try {
            device = SimDevices.start(options, limits, 0, options.access().tls() ? certificate() : TlsConfig.off());
        } catch (SimulatorException e) {
            throw new TargetException("sim: " + e.getMessage(), e);
        }
        try {
            READINESS.await(Readiness.Subject.at(name(), device.baseUri()).withConsole(device.console(), 0));
        } catch (TargetException e) {
            close();
            throw e;
        }
        running = new RunningTarget(device.baseUri(), new VirtualBoardProbe(device.board()), device.console(),
                Optional.of(limits), facts());
        return running;
    }

    @Override
    public boolean ownsLifecycle() {
        return true;
    }

    /** The running device (for tests and tools that want the Java face); empty when stopped. */
    public synchronized Optional<SimulatedDevice> device() {
        return Optional.ofNullable(device);
    }

    @Override
    public synchronized void close() {
        if (device != null) {
            device.close();
        }
        device = null;
        running = null;
    }

    /** One certificate per target, generated on first use and kept across restarts. */
    private TlsConfig certificate() {
        if (tls == null) {
            tls = SimAccess.generateCertificate();
        }
        return tls;
    }

    private Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("board", options.board().id());
        facts.put("firmware", SimulatedDevice.FIRMWARE_VERSION);
        facts.put("server", SimulatedDevice.SERVER_VERSION);
        facts.put("timers", options.timers().name().toLowerCase(java.util.Locale.ROOT));
        facts.put("admin", device.adminUri().toString());
        facts.putAll(SimAccess.facts(options.access(), device, tls));
        if (!options.faults().isEmpty()) {
            facts.put("faults", options.faults().toString());
        }
        if (!options.boardFaults().isEmpty()) {
            facts.put("board_faults", options.boardFaults().toString());
        }
        return facts;
    }
}
