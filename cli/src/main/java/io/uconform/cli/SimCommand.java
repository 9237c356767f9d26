package io.uconform.cli;

import io.uconform.kind.sim.SimDevices;
import io.uconform.profile.Profile;
import io.uconform.profile.Profiles;
import io.uconform.simulator.SimulatedDevice;
import io.uconform.simulator.SimulatorException;
import io.uconform.simulator.host.LiveApp;
import io.uconform.simulator.host.LiveAppOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code uconform sim}: a simulated board until interrupted. Without {@code --app} the JVM reference
 * server on a virtual board, started exactly as the {@code sim} target starts it (same options, same
 * credentials); with {@code --app DIR} the user's MicroPython app on the host runtime, as the
 * {@code host} target runs it (same options), restarted on every save. Both print their URLs and
 * serve the board page; Ctrl-C stops them (or an interrupt of the calling thread, in tests).
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Start a simulated board and its board page; runs until interrupted.",
                "Without --app: the JVM reference server (options as run --target sim).",
                "With --app DIR: your MicroPython app (DIR/main.py) on micropython or python3 (options as run --target host),",
                "restarted on every save in DIR."})
final class SimCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--app", paramLabel = "DIR", description = "run your app (a device directory with main.py) instead of the reference server")
    Path app;

    @Option(names = "--option", paramLabel = "NAME=VALUE", description = "an option of the sim target (or of the host target with --app), e.g. faults=DEAD_LED (repeatable)")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--board", description = "board profile: esp32-devkitc (default) or esp32c3-devkitm")
    String board;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port of the device or app, 0 for any (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--admin-port", defaultValue = "8081", description = "port of the board page and admin API, 0 for any (default: ${DEFAULT-VALUE})")
    int adminPort;

    @Option(names = "--count", defaultValue = "1", description = "boards to start (a fleet: each on its own loopback"
            + " address 127.0.1.1, 127.0.1.2, ... on the same port, or consecutive ports where the OS has no 127/8;"
            + " one admin page for all; default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--profile", defaultValue = "reference", description = "profile whose limits (and, with --app, credentials) the board gets (default: ${DEFAULT-VALUE})")
    String profile;

    @Override
    public Integer call() throws InterruptedException {
        if (count != 1) {
            if (app != null || !options.isEmpty()) {
                throw new IllegalArgumentException("--count starts a fleet of reference boards: without --app and --option");
            }
            return SimFleet.run(board == null ? "esp32-devkitc" : board, count, port, adminPort,
                    spec.commandLine().getOut());
        }
        // the servers log their start through java.util.logging; the lines below say it for people
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        checkPort("--port", port);
        checkPort("--admin-port", adminPort);
        Map<String, String> merged = new LinkedHashMap<>(options);
        put(merged, "board", board);
        put(merged, "port", String.valueOf(port));
        Profile loaded = Profiles.load(profile);
        PrintWriter out = spec.commandLine().getOut();
        AutoCloseable served = app == null ? serveReference(merged, loaded, out) : serveApp(merged, loaded, out);
        out.println("uconform sim: press Ctrl-C to stop");
        out.flush();
        awaitStop(served);
        return Uconform.OK;
    }

    private AutoCloseable serveReference(Map<String, String> merged, Profile loaded, PrintWriter out) {
        SimulatedDevice device;
        try {
            device = SimDevices.launch(merged, loaded, adminPort);
        } catch (SimulatorException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        out.println("uconform sim: board " + device.board().profile().id() + " serving at " + device.baseUri());
        out.println("uconform sim: admin API and board view at " + device.adminUri());
        out.println("uconform sim: Basic credentials for writes, /config and /api: user '" + device.config().current().authUser()
                + "' (options auth-user/auth-password, as the sim target)");
        return device;
    }

    private AutoCloseable serveApp(Map<String, String> merged, Profile loaded, PrintWriter out) {
        if (!Files.isRegularFile(app.resolve("main.py"))) {
            throw new IllegalArgumentException("--app " + app + " has no main.py (an app directory is laid out like the board's filesystem)");
        }
        put(merged, "app", app.toString());
        LiveAppOptions liveOptions = LiveAppOptions.parse(merged, loaded, adminPort);
        LiveApp live;
        try {
            live = LiveApp.start(liveOptions, line -> {
                out.println(line.text());
                out.flush();
            });
        } catch (SimulatorException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        out.println("uconform sim: app " + live.appDirectory() + " (main.py) on " + live.interpreter().name() + " ("
                + live.interpreter().executable() + "), board " + live.board().profile().id());
        out.println("uconform sim: app at " + live.deviceUri() + " (its config.json says server.port " + liveOptions.host().port() + ")");
        out.println("uconform sim: board page at " + live.adminUri());
        out.println("uconform sim: saving a file in " + live.appDirectory() + " restarts the app (a soft reset)");
        return live;
    }

    private static void put(Map<String, String> merged, String name, String value) {
        if (value == null) {
            return;
        }
        String given = merged.get(name);
        if (given != null && !given.equals(value)) {
            throw new IllegalArgumentException("--" + name + " and --option " + name + "=" + given + " disagree: give it once");
        }
        merged.put(name, value);
    }

    private static void checkPort(String what, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + " must be 0..65535, not " + port);
        }
    }

    /**
     * Blocks until Ctrl-C (the shutdown hook closes what is served) or an interrupt of this thread
     * (it closes what is served itself): either is the normal end of {@code sim}.
     */
    private static void awaitStop(AutoCloseable served) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            closeQuietly(served);
            stopped.countDown();
        }, "uconform-sim-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean interrupted = false;
        try {
            stopped.await();
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (stopped.getCount() > 0) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                return;  // the JVM is shutting down: the hook closes what is served
            }
            closeQuietly(served);  // before the interrupt is restored: closing joins threads
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable served) {
        try {
            served.close();
        } catch (Exception e) {
            // stopping anyway
        }
    }
}
