package io.uconform.kind.host;

import io.uconform.console.ConsoleCapture;
import io.uconform.console.ConsoleLine;
import io.uconform.console.SecretMask;
import io.uconform.kind.sim.VirtualBoardProbe;
import io.uconform.profile.Limits;
import io.uconform.simulator.board.BoardProfiles;
import io.uconform.simulator.board.VirtualBoard;
import io.uconform.simulator.bridge.HostBridge;
import io.uconform.simulator.bridge.VirtualAccessPoint;
import io.uconform.simulator.host.DeviceConfig;
import io.uconform.simulator.host.DeviceDirectory;
import io.uconform.simulator.host.FirmwareProcess;
import io.uconform.simulator.host.HostRuntime;
import io.uconform.simulator.host.Interpreter;
import io.uconform.spi.Readiness;
import io.uconform.spi.RunningTarget;
import io.uconform.spi.Target;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The reference firmware (or any app directory) run by a host interpreter against a virtual
 * board. A {@code machine.reset()} ends the interpreter with {@link #RESET_EXIT_CODE}; the target
 * then starts it again on the same device directory and port, as a board reboots.
 */
public final class HostTarget implements Target {

    /** Exit status of the stand-in {@code machine.reset()}. */
    public static final int RESET_EXIT_CODE = HostRuntime.RESET_EXIT_CODE;
    static final Pattern READY = HostRuntime.READY;
    static final Pattern BOOT = HostRuntime.BOOT;
    static final String VIRTUAL_SSID = HostRuntime.VIRTUAL_SSID;

    private final TargetSpec spec;
    private final HostOptions options;
    private final Interpreter interpreter;
    private final Path firmware;
    private VirtualBoard board;
    private HostBridge bridge;
    private DeviceDirectory device;
    private ConsoleCapture console;
    private volatile FirmwareProcess process;
    private RunningTarget running;
    private volatile boolean closing;
    private Thread shutdownHook;

    HostTarget(TargetSpec spec, HostOptions options, Interpreter interpreter, Path firmware) {
        this.spec = spec;
        this.options = options;
        this.interpreter = interpreter;
        this.firmware = firmware;
    }

    @Override
    public String name() {
        return "host:" + interpreter.name();
    }

    @Override
    public synchronized RunningTarget start() {
        if (running != null) {
            return running;
        }
        closing = false;
        // a harness that dies without close() must not leave an interpreter behind
        shutdownHook = new Thread(this::killInterpreter, "host-target-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            running = boot();
            return running;
        } catch (RuntimeException e) {
            String tail = console == null ? "" : lastLines(20);
            close();
            if (e instanceof TargetException te) {
                throw new TargetException(te.getMessage(), tail, te.getCause());
            }
            throw new TargetException(name() + ": could not start: " + e.getMessage(), tail, e);
        }
    }

    @Override
    public boolean ownsLifecycle() {
        return true;
    }

    private RunningTarget boot() {
        try {
            board = VirtualBoard.powerOn(BoardProfiles.byId(options.board()));
        } catch (IllegalArgumentException e) {
            throw new TargetException(name() + ": " + e.getMessage());
        }
        String wifiPassword = secret();
        String authUser = spec.profile().param("authUser").orElse("admin");
        String authPassword = spec.profile().param("authPassword").orElse(secret());
        bridge = HostBridge.start(board, new VirtualAccessPoint(VIRTUAL_SSID, wifiPassword));
        console = new ConsoleCapture(SecretMask.of(wifiPassword, authPassword));
        Limits limits = spec.profile().limits();
        if (options.fastTimers()) {
            limits = limits.withHeaderTimeout(Duration.ofSeconds(1)).withKeepAliveIdle(Duration.ofSeconds(2));
        }
        // The port is chosen here: the unix port's sockets cannot report a port bound to 0.
        int port = options.port() == 0 ? HostRuntime.freePort() : options.port();
        DeviceConfig config = new DeviceConfig("uconform-host", options.board(), VIRTUAL_SSID, wifiPassword,
                authUser, authPassword, options.bind(), port, options.cors(), limits);
        device = DeviceDirectory.create(options.firmware().orElse(firmware));
        device.writeConfig(config.toJson());
        // the firmware and the stand-ins (a board's C modules, no compile there either) as bytecode
        options.mpyCross().ifPresent(path -> {
            new MpyCross(path).compileTree(device.root(), "lib");
            new MpyCross(path).compileTree(device.root(), device.root().relativize(device.hostrt()).toString());
        });
        URI base = launchAndAwaitReady();
        return new RunningTarget(base, new VirtualBoardProbe(board), console, Optional.of(limits), facts());
    }

    /** Ready when the firmware prints its {@code UCONFORM READY url=...} line (option {@code ready-timeout}). */
    private URI launchAndAwaitReady() {
        int mark = console.size();
        launch();
        return Readiness.consoleLine(READY).withTimeout(options.readyTimeout())
                .await(Readiness.Subject.console(name(), console, mark, () -> process.isAlive()))
                .requireBaseUri(name());
    }

    private void launch() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("UCONFORM_BRIDGE", bridge.address());
        String hostrt = device.hostrt().toString();
        if (interpreter.isMicroPython()) {
            env.put("MICROPYPATH", ".frozen:" + hostrt + ":" + device.root().resolve("lib"));
        } else {
            env.put("PYTHONPATH", hostrt);
            env.put("PYTHONDONTWRITEBYTECODE", "1");
        }
        process = FirmwareProcess.start(interpreter.command(options.heap()), device.root(), env, console::accept, this::exited);
    }

    private void exited(int status) {
        if (closing) {
            return;
        }
        if (status == RESET_EXIT_CODE) {
            console.accept("UCONFORM HOST reboot after machine.reset()");
            bridge.disconnectAll();
            synchronized (this) {
                if (!closing) {
                    launch();
                }
            }
        } else {
            console.accept("UCONFORM HOST interpreter exited with status " + status);
        }
    }

    private Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("board", options.board());
        facts.put("interpreter", interpreter.name());
        facts.put("cors", options.cors() ? "on" : "off");
        facts.put("bind", options.bind());
        facts.put("firmwareCode", options.mpyCross().isPresent() ? "mpy" : "source");
        for (ConsoleLine line : console.lines()) {
            Matcher m = BOOT.matcher(line.text());
            if (m.find()) {
                facts.put("firmware", m.group(1));
                facts.put("interpreterVersion", m.group(2).trim());
            }
        }
        return facts;
    }

    private String lastLines(int n) {
        return console.tail(n).stream().map(ConsoleLine::text).collect(Collectors.joining("\n"));
    }

    private static String secret() {
        byte[] bytes = new byte[9];
        new SecureRandom().nextBytes(bytes);
        return "v" + HexFormat.of().formatHex(bytes);
    }

    private void killInterpreter() {
        closing = true;
        FirmwareProcess p = process;
        if (p != null) {
            p.stop();
        }
    }

    @Override
    public synchronized void close() {
        closing = true;
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs anyway
            }
            shutdownHook = null;
        }
        if (process != null) {
            process.stop();
            process = null;
        }
        if (bridge != null) {
            bridge.close();
            bridge = null;
        }
        if (device != null) {
            device.close();
            device = null;
        }
        running = null;
    }
}
