package io.uconform.kind.renode;

import io.uconform.kind.renode.launch.RenodeLauncher;
import io.uconform.kind.renode.launch.RenodeProcess;
import io.uconform.kind.renode.monitor.MonitorClient;
import io.uconform.kind.renode.monitor.MonitorException;
import io.uconform.kind.renode.monitor.RealTimeFactor;
import io.uconform.spi.TargetException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Renode run: launched, its monitor connected (retrying while the .NET runtime starts), the
 * start-up script's commands sent one by one (so a refused command is named), then the emulation
 * started and its real-time factor measured. Closing sends {@code quit} and ends the process.
 */
final class EmulationSession implements AutoCloseable {

    private static final Pattern VERSION = Pattern.compile("Renode,? version (\\S+)");

    private final RenodeProcess process;
    private final MonitorClient monitor;
    private final RescScript script;
    private final Duration commandTimeout;

    private EmulationSession(RenodeProcess process, MonitorClient monitor, RescScript script, Duration commandTimeout) {
        this.process = process;
        this.monitor = monitor;
        this.script = script;
        this.commandTimeout = commandTimeout;
    }

    /**
     * Launches Renode and runs the script's commands.
     *
     * @throws TargetException one line naming the step (with Renode's log tail as details)
     */
    static EmulationSession open(RenodeLauncher launcher, RescScript script, Path workDir, List<Path> shared,
                                 int monitorPort, Duration startTimeout, Duration commandTimeout) {
        RenodeProcess process = launcher.launch(workDir, shared, monitorPort, startTimeout);
        try {
            MonitorClient monitor = connect(process, monitorPort, startTimeout);
            EmulationSession session = new EmulationSession(process, monitor, script, commandTimeout);
            for (String command : script.commands()) {
                session.run(command);
            }
            return session;
        } catch (MonitorException e) {
            String log = process.logTail();
            process.close();
            throw new TargetException("renode (" + launcher.describe() + "): " + e.getMessage(), log, e);
        }
    }

    private static MonitorClient connect(RenodeProcess process, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        MonitorException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new MonitorException("Renode ended before its monitor answered on port " + port);
            }
            try {
                Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
                return MonitorClient.connect(process.address(port), Duration.ofSeconds(2), left);
            } catch (MonitorException e) {
                last = e; // not listening yet: the runtime is still starting
                LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            }
        }
        throw new MonitorException("no monitor on port " + port + " within " + timeout.toSeconds() + " s"
                + (last == null ? "" : " (" + last.getMessage() + ")"));
    }

    String run(String command) {
        return monitor.execute(command, commandTimeout);
    }

    MonitorClient monitor() {
        return monitor;
    }

    /** Renode's version from the monitor's banner, or {@code unknown}. */
    String renodeVersion() {
        Matcher m = VERSION.matcher(monitor.banner());
        return m.find() ? m.group(1) : "unknown";
    }

    /** Where the board's UART server socket terminal is. */
    InetSocketAddress uart() {
        return process.address(script.uartPort());
    }

    /** Starts the emulation and measures virtual against host time over {@code window} of host time. */
    RealTimeFactor startAndMeasure(Duration window, LongSupplier nanoClock, Runnable pause) {
        java.time.Duration v0 = RealTimeFactor.elapsedVirtual(run("emulation GetTimeSourceInfo"));
        long h0 = nanoClock.getAsLong();
        run("start");
        long until = h0 + window.toNanos();
        while (nanoClock.getAsLong() < until) {
            pause.run();
        }
        java.time.Duration v1 = RealTimeFactor.elapsedVirtual(run("emulation GetTimeSourceInfo"));
        return RealTimeFactor.measured(v0, v1, nanoClock.getAsLong() - h0);
    }

    /** False once Renode has ended (a board that will never print its ready line). */
    boolean alive() {
        return process.isAlive();
    }

    String logTail() {
        return process.logTail();
    }

    @Override
    public void close() {
        try {
            monitor.execute("quit", Duration.ofSeconds(2));
        } catch (MonitorException e) {
            // quit closes the connection before a prompt comes back: expected
        } finally {
            monitor.close();
            process.close();
        }
    }
}
