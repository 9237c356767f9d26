package io.uconform.simulator.host;

import io.uconform.console.ConsoleCapture;
import io.uconform.console.ConsoleLine;
import io.uconform.console.SecretMask;
import io.uconform.kind.host.HostOptions;
import io.uconform.profile.Limits;
import io.uconform.profile.Profile;
import io.uconform.simulator.SimulatorException;
import io.uconform.simulator.admin.AdminDevice;
import io.uconform.simulator.admin.AdminServer;
import io.uconform.simulator.admin.RunStatus;
import io.uconform.simulator.board.BoardProfiles;
import io.uconform.simulator.board.ResetCause;
import io.uconform.simulator.board.VirtualBoard;
import io.uconform.simulator.bridge.HostBridge;
import io.uconform.simulator.bridge.VirtualAccessPoint;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;

/**
 * A user's MicroPython app (a device directory with {@code main.py}) running on the host runtime
 * against a virtual board, for developing it: every save in the app directory soft-resets the board
 * and restarts the app on the updated files (as mpremote's copy-and-soft-reset workflow does); a
 * crash is reported with its traceback and the app waits for the next save; {@code machine.reset()}
 * and the admin face's reset reboot it. The interpreter is chosen as the {@code host} target chooses
 * it. Its admin face (board page) is served on its own port.
 *
 * <p>Thread-safe; {@link #close()} stops the interpreter, the watcher and both servers and removes
 * the device directory.
 */
public final class LiveApp implements AdminDevice, AutoCloseable {

    static final String VIRTUAL_SSID = HostRuntime.VIRTUAL_SSID;
    static final String BOOT_THEN_MAIN = "run_boot_and_main.py";

    private final LiveAppOptions options;
    private final Interpreter interpreter;
    private final VirtualBoard board;
    private final ConsoleCapture console;
    private final HostBridge bridge;
    private final DeviceDirectory device;
    private final String configJson;
    private final URI configuredUri;
    private final List<Runnable> statusListeners = new CopyOnWriteArrayList<>();
    private AdminServer admin;
    private AppWatcher watcher;
    private FirmwareProcess process;
    private int generation;
    private int launchMark;
    private int restarts;
    private volatile URI readyUri;
    /** Why the app last restarted, with the time, for the page's banner; empty before the first restart. */
    private volatile String lastRestart = "";
    private volatile RunStatus status;
    private boolean closed;

    private LiveApp(LiveAppOptions options, Interpreter interpreter) {
        this.options = options;
        this.interpreter = interpreter;
        HostOptions host = options.host();
        this.board = VirtualBoard.powerOn(BoardProfiles.byId(host.board()));
        String wifiPassword = secret();
        Profile profile = options.profile();
        String authUser = profile.param("authUser").orElse("admin");
        String authPassword = profile.param("authPassword").orElse(secret());
        this.console = new ConsoleCapture(SecretMask.of(wifiPassword, authPassword));
        Limits limits = profile.limits();
        if (host.fastTimers()) {
            limits = limits.withHeaderTimeout(Duration.ofSeconds(1)).withKeepAliveIdle(Duration.ofSeconds(2));
        }
        int port = host.port() == 0 ? HostRuntime.freePort() : host.port();
        this.configJson = new DeviceConfig("uconform-sim", host.board(), VIRTUAL_SSID, wifiPassword, authUser,
                authPassword, host.bind(), port, host.cors(), limits).toJson();
        this.configuredUri = URI.create("http://" + (host.bind().contains(":") ? "[::1]" : "127.0.0.1") + ":" + port + "/");
        this.status = new RunStatus("starting", "starting main.py on " + interpreter.name(), List.of(),
                interpreter.name(), 0);
        this.bridge = HostBridge.start(board, new VirtualAccessPoint(VIRTUAL_SSID, wifiPassword));
        this.device = DeviceDirectory.create(options.app());
        device.writeConfig(configJson);
        console.onLine(this::watchForReady);
    }

    /**
     * Starts the admin face, the app and the watch on its directory.
     *
     * @throws SimulatorException one line when a port is in use or the app cannot be prepared
     */
    public static LiveApp start(LiveAppOptions options) {
        return start(options, line -> { });
    }

    /**
     * As {@link #start(LiveAppOptions)}, with every console line (masked) also given to {@code echo}
     * from the first one on (e.g. to stream it to a terminal).
     */
    public static LiveApp start(LiveAppOptions options, java.util.function.Consumer<ConsoleLine> echo) {
        requireFree(options.host().bind(), options.host().port());
        Interpreter interpreter = Interpreter.find(options.host().interpreter()).orElseThrow(() ->
                new SimulatorException(options.host().interpreter().equals("auto")
                        ? "neither micropython nor python3 is on PATH" : options.host().interpreter() + " is not on PATH", null));
        LiveApp app;
        try {
            app = new LiveApp(options, interpreter);
            app.console.onLine(echo);
        } catch (RuntimeException e) {
            throw new SimulatorException("could not prepare the app: " + e.getMessage(), e);
        }
        try {
            app.admin = AdminServer.start(app, options.host().bind(), options.adminPort());
            synchronized (app) {
                app.launch();
            }
            app.watcher = AppWatcher.start(options.app(), app::filesChanged);
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e instanceof SimulatorException se ? se : new SimulatorException(e.getMessage(), e);
        }
    }

    /** The board page, e.g. {@code http://127.0.0.1:8081/admin}. */
    public URI adminUri() {
        return admin.pageUri();
    }

    public Interpreter interpreter() {
        return interpreter;
    }

    /** The app directory being watched. */
    public Path appDirectory() {
        return options.app();
    }

    /** The URL the app announced ({@code UCONFORM READY url=...}), else the configured port's. */
    @Override
    public URI deviceUri() {
        URI ready = readyUri;
        return ready != null ? ready : configuredUri;
    }

    @Override
    public VirtualBoard board() {
        return board;
    }

    @Override
    public ConsoleCapture console() {
        return console;
    }

    @Override
    public RunStatus status() {
        return status;
    }

    @Override
    public void onStatusChange(Runnable listener) {
        statusListeners.add(listener);
    }

    /** A reset from the admin face (the EN button): the board reboots with that cause and the app starts again. */
    @Override
    public void reset(ResetCause cause) {
        restart(cause, "reset (" + cause.wireName() + ")");
    }

    private void filesChanged(List<String> files) {
        String names = String.join(", ", files.subList(0, Math.min(3, files.size())))
                + (files.size() > 3 ? " and " + (files.size() - 3) + " more" : "");
        restart(ResetCause.SOFT, "soft reset: " + names + " changed");
    }

    private synchronized void restart(ResetCause cause, String why) {
        if (closed) {
            return;
        }
        setStatus("restarting", why, List.of());
        stopInterpreter();
        bridge.disconnectAll();
        board.reset(cause);
        console.accept("UCONFORM SIM " + why);
        try {
            device.sync(options.app());
            device.writeConfig(configJson);
        } catch (RuntimeException e) {
            console.accept("UCONFORM SIM could not copy the app: " + e.getMessage());
        }
        restarts++;
        lastRestart = " (restarted " + java.time.LocalTime.now().withNano(0) + ": " + why + ")";
        launch();
    }

    /** Starts the interpreter on the device directory; the caller holds the lock. */
    private void launch() {
        int mine = ++generation;
        launchMark = console.size();
        readyUri = null;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("UCONFORM_BRIDGE", bridge.address());
        String hostrt = device.hostrt().toString();
        if (interpreter.isMicroPython()) {
            env.put("MICROPYPATH", ".frozen:" + hostrt + ":" + device.root().resolve("lib"));
        } else {
            env.put("PYTHONPATH", hostrt);
            env.put("PYTHONDONTWRITEBYTECODE", "1");
        }
        try {
            String deviceRoot = device.root().toString() + java.io.File.separator;
            String appRoot = options.app().toString() + java.io.File.separator;
            // tracebacks name the user's own files, not the device directory's copies
            process = FirmwareProcess.start(interpreter.command(options.host().heap(), script()), device.root(), env,
                    line -> console.accept(line.replace(deviceRoot, appRoot)), code -> exited(mine, code));
            setStatus("running", "main.py running on " + interpreter.name() + lastRestart, List.of());
        } catch (RuntimeException e) {
            process = null;
            console.accept("UCONFORM SIM " + e.getMessage());
            setStatus("crashed", "could not start " + interpreter.name() + ": save a file to try again",
                    List.of(String.valueOf(e.getMessage())));
        }
    }

    private void exited(int launched, int code) {
        synchronized (this) {
            if (closed || launched != generation) {
                return;
            }
            if (code == HostRuntime.RESET_EXIT_CODE) {
                // machine.reset(): the stand-in has already told the board; reboot on the same files
                console.accept("UCONFORM SIM reboot after machine.reset()");
                bridge.disconnectAll();
                restarts++;
                lastRestart = " (restarted " + java.time.LocalTime.now().withNano(0) + ": machine.reset())";
                launch();
                return;
            }
            process = null;
            List<String> why = lastTraceback();
            if (code == 0) {
                console.accept("UCONFORM SIM main.py ended (exit status 0); save a file to run it again");
                setStatus("exited", "main.py ended (exit status 0): save a file to run it again", why);
            } else {
                console.accept("UCONFORM SIM main.py crashed (exit status " + code + "); waiting for the next save");
                setStatus("crashed", "main.py crashed (exit status " + code + "): fix it and save to restart", why);
            }
        }
    }

    /**
     * {@code main.py}, or with a {@code boot.py} beside it a launcher that runs both in one namespace
     * (as a board does; the unix port and CPython run only the script they are given).
     */
    private String script() {
        if (!java.nio.file.Files.isRegularFile(device.root().resolve("boot.py"))) {
            return "main.py";
        }
        Path launcher = device.hostrt().resolve(BOOT_THEN_MAIN);
        try (java.io.InputStream in = LiveApp.class.getResourceAsStream(BOOT_THEN_MAIN)) {
            java.nio.file.Files.copy(java.util.Objects.requireNonNull(in, BOOT_THEN_MAIN + " missing from the jar"), launcher,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not write " + launcher + ": " + e.getMessage(), e);
        }
        return device.root().relativize(launcher).toString();
    }

    /** The traceback printed since the launch (the last one), else the last few lines. */
    private List<String> lastTraceback() {
        List<ConsoleLine> all = console.lines();
        List<String> since = new ArrayList<>();
        for (int i = Math.min(launchMark, all.size()); i < all.size(); i++) {
            since.add(all.get(i).text());
        }
        int start = -1;
        for (int i = 0; i < since.size(); i++) {
            if (since.get(i).startsWith("Traceback (most recent call last)")) {
                start = i;
            }
        }
        List<String> lines = start >= 0 ? since.subList(start, since.size()) : since.subList(Math.max(0, since.size() - 5), since.size());
        return List.copyOf(lines.subList(0, Math.min(40, lines.size())));
    }

    private void watchForReady(ConsoleLine line) {
        Matcher m = HostRuntime.READY.matcher(line.text());
        if (m.find()) {
            readyUri = URI.create(m.group(1) + "/");
            RunStatus s = status;
            if (s.state().equals("running")) {
                setStatus("running", "main.py running on " + interpreter.name() + ", ready at " + readyUri + lastRestart,
                        List.of());
            }
        }
    }

    private void setStatus(String state, String headline, List<String> detail) {
        status = new RunStatus(state, headline, detail, interpreter.name(), restarts);
        statusListeners.forEach(Runnable::run);
    }

    private void stopInterpreter() {
        generation++;
        FirmwareProcess p = process;
        process = null;
        if (p != null) {
            p.kill();
        }
    }

    /** The app would only crash on a port something else holds: say so before anything starts. */
    private static void requireFree(String bind, int port) {
        if (port == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName(bind), port));
        } catch (java.io.IOException e) {
            throw new SimulatorException("port " + port + " on " + bind + " is already in use (the app's port; choose another with --port)", e);
        }
    }

    private static String secret() {
        byte[] bytes = new byte[9];
        new SecureRandom().nextBytes(bytes);
        return "v" + HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (watcher != null) {
                watcher.close();
            }
            stopInterpreter();
        }
        setStatus("stopped", "stopped", List.of());
        bridge.close();
        if (admin != null) {
            admin.close();
        }
        device.close();
    }
}
