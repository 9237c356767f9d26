package io.uconform.kind.renode;

import io.uconform.cleanup.TempDirectories;
import io.uconform.console.ConsoleCapture;
import io.uconform.console.ConsoleLine;
import io.uconform.console.SecretMask;
import io.uconform.deploy.Deployer;
import io.uconform.kind.renode.launch.RenodeLauncher;
import io.uconform.kind.renode.monitor.RealTimeFactor;
import io.uconform.link.Link;
import io.uconform.link.TcpLink;
import io.uconform.repl.ConsolePump;
import io.uconform.repl.ConsoleTap;
import io.uconform.repl.RawRepl;
import io.uconform.spi.Readiness;
import io.uconform.spi.RunningTarget;
import io.uconform.spi.Target;
import io.uconform.spi.TargetException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * MicroPython on an emulated board in Renode: the start-up script is written and run through the
 * monitor, the emulation started and its real-time factor measured, the app pushed over the UART's
 * raw REPL with the esp32 kind's deployer (config.json with the board and the static wired
 * network), the board soft-rebooted into main.py and the firmware's ready line awaited on the UART
 * ({@link Readiness#consoleLine}); its URL is the base URI. Timeouts for emulated work are scaled by the measured factor, which the
 * facts show. Not thread-safe.
 */
public final class RenodeTarget implements Target {

    /** Emulated time the raw REPL may take per step (entering, one exec). */
    static final Duration REPL_BUDGET = Duration.ofSeconds(30);
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    static final Duration MEASURE_WINDOW = Duration.ofSeconds(2);

    private final RenodeOptions options;
    private final Supplier<RenodeLauncher> launchers;
    private final Supplier<Path> firmwareSource;
    private final Supplier<Path> apps;
    private final PortSource ports;
    private EmulationSession session;
    private Link uart;
    private ConsolePump pump;
    private RunningTarget running;

    /**
     * Nothing is looked up before {@link #start()}: the launcher (local or container), the image
     * (downloaded and checked) and the app directory come from their suppliers then.
     */
    RenodeTarget(RenodeOptions options, Supplier<RenodeLauncher> launchers, Supplier<Path> firmwareSource,
                 Supplier<Path> apps) {
        this(options, launchers, firmwareSource, apps, RenodeTarget::freePort);
    }

    /** With the monitor and UART ports from {@code ports} (tests: a transcript names them). */
    RenodeTarget(RenodeOptions options, Supplier<RenodeLauncher> launchers, Supplier<Path> firmwareSource,
                 Supplier<Path> apps, PortSource ports) {
        this.options = options;
        this.launchers = launchers;
        this.firmwareSource = firmwareSource;
        this.apps = apps;
        this.ports = ports;
    }

    /** Free TCP ports for Renode's monitor and the UART terminal. */
    @FunctionalInterface
    interface PortSource {
        int next() throws IOException;
    }

    @Override
    public String name() {
        return "renode:" + options.board().name();
    }

    @Override
    public RunningTarget start() {
        if (running != null) {
            return running;
        }
        ConsoleCapture console = new ConsoleCapture(SecretMask.none());
        ConsoleTap tap = new ConsoleTap(console);
        Map<String, String> facts = new LinkedHashMap<>();
        try {
            RenodeLauncher launcher = launchers.get();
            Path app = apps.get();
            Path firmware = firmwareSource.get().toAbsolutePath();
            Path work = TempDirectories.create("uconform-renode");
            RescScript script = RescScript.of("uconform", options.board(), firmware, ports.next(), options.network());
            Path resc = work.resolve("uconform.resc");
            Files.writeString(resc, script.render(), StandardCharsets.UTF_8);
            session = EmulationSession.open(launcher, script, work, List.of(firmware.getParent()),
                    ports.next(), START_TIMEOUT, COMMAND_TIMEOUT);
            uart = TcpLink.connect(session.uart().getHostString() + ":" + session.uart().getPort(), Duration.ofSeconds(10));
            RealTimeFactor rtf = session.startAndMeasure(MEASURE_WINDOW, System::nanoTime,
                    () -> LockSupport.parkNanos(Duration.ofMillis(50).toNanos()));
            facts.put("renode", session.renodeVersion() + " (" + launcher.describe() + ")");
            facts.put("board", options.board().name() + " (" + options.board().platform() + ")");
            facts.put("image", firmware.getFileName() + " sha256=" + FirmwareCache.sha256(firmware));
            facts.put("realTimeFactor", rtf.describe());
            facts.put("network", "TAP " + options.network().tap() + " host " + options.network().hostIp() + ", board "
                    + options.network().boardIp() + "/24");
            facts.put("script", resc.toString());
            install(tap, rtf, app);
            int mark = console.size();
            pump = new ConsolePump(uart, tap, "renode-uart " + uart.name());
            Duration boot = rtf.scale(options.bootBudget());
            EmulationSession emulation = session;
            Readiness.Ready ready;
            try {
                ready = Readiness.consoleLine(options.ready()).withTimeout(boot)
                        .await(Readiness.Subject.console(name(), console, mark, emulation::alive));
            } catch (TargetException e) {
                throw new TargetException(e.getMessage() + " (" + options.bootBudget().toSeconds()
                        + " s of emulated time at real-time factor " + rtf.describe() + ")", e.details(), e);
            }
            console.lines().stream().map(ConsoleLine::text).filter(t -> t.startsWith("MicroPython v")).reduce((a, b) -> b)
                    .ifPresent(banner -> facts.put("firmware", banner));
            URI base = ready.requireBaseUri(name());
            running = new RunningTarget(base, new MonitorBoardProbe(session.monitor(), options.board(), COMMAND_TIMEOUT),
                    console, Optional.empty(), facts);
            return running;
        } catch (TargetException e) {
            stop();
            throw e;
        } catch (IOException | RuntimeException e) {
            // a REPL, monitor or deployer failure, or anything unforeseen: Renode never outlives a failed start
            String details = lastLines(console) + (session == null ? "" : "\n--- renode log ---\n" + session.logTail());
            stop();
            throw new TargetException(name() + ": " + e.getMessage(), details, e);
        }
    }

    /** Pushes the app and the board's config.json over the raw REPL, then reboots into main.py. */
    private void install(ConsoleTap tap, RealTimeFactor rtf, Path app) throws IOException {
        RawRepl repl = new RawRepl(uart, tap, rtf.scale(REPL_BUDGET));
        repl.enter(true);
        Deployer deployer = new Deployer(repl);
        String summary = deployer.push(app, "").toString();
        tap.capture().accept("[uconform] pushed " + app + ": " + summary);
        Path own = app.resolve("config.json");
        byte[] existing = Files.isRegularFile(own) ? Files.readAllBytes(own) : null;
        deployer.writeFile("config.json", BoardConfig.forBoard(existing, options.board(), options.network()));
        tap.capture().accept("[uconform] wrote config.json (board " + options.board().name() + ", LAN "
                + options.network().boardIp() + ")");
        repl.softRebootIntoMain();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String lastLines(ConsoleCapture console) {
        List<ConsoleLine> tail = new ArrayList<>(console.tail(20));
        return tail.stream().map(ConsoleLine::text).collect(Collectors.joining("\n"));
    }

    @Override
    public RunningTarget restart() {
        stop();
        return start();
    }

    @Override
    public boolean ownsLifecycle() {
        return true;
    }

    @Override
    public void close() {
        stop();
    }

    private void stop() {
        running = null;
        if (pump != null) {
            pump.close();
            pump = null;
        }
        if (uart != null) {
            uart.close();
            uart = null;
        }
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
