package io.uconform.kind.esp32;

import io.uconform.credentials.AuthCredentials;
import io.uconform.credentials.DeviceConfigJson;
import io.uconform.credentials.WifiCredentials;
import io.uconform.deploy.Deployer;
import io.uconform.link.Link;
import io.uconform.repl.ConsoleTap;
import io.uconform.repl.RawRepl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Over the raw REPL: pushes the app (hash-skipping unchanged files), writes config.json with the
 * station credentials, then reboots into main.py (soft reset from the friendly REPL).
 */
final class AppInstaller {

    private final Link link;
    private final ConsoleTap tap;
    private final Optional<WifiCredentials> wifi;
    private final Optional<AuthCredentials> auth;
    private final boolean loopbackServer;

    AppInstaller(Link link, ConsoleTap tap, Optional<WifiCredentials> wifi, Optional<AuthCredentials> auth,
                 boolean loopbackServer) {
        this.link = link;
        this.tap = tap;
        this.wifi = wifi;
        this.auth = auth;
        this.loopbackServer = loopbackServer;
    }

    void install(Optional<Path> app) {
        RawRepl repl = new RawRepl(link, tap, Duration.ofSeconds(30));
        repl.enter(true);
        Deployer deployer = new Deployer(repl);
        ProgressLines lines = ProgressLines.stderr();
        app.ifPresent(dir -> {
            lines.say("pushing " + dir + " over the raw REPL");
            String summary = deployer.push(dir, "").toString();
            tap.capture().accept("[uconform] pushed " + dir + ": " + summary);
            lines.say("pushed " + dir + ": " + summary);
        });
        writeConfig(deployer, app);
        lines.say("booting main.py");
        repl.softRebootIntoMain();
    }

    /**
     * Writes config.json again as {@link #install} did and reboots into main.py: checks may have
     * changed the device's configuration (BOOT-02 writes throwaway passwords), and a board left
     * with those would not join its network at the next power-up.
     */
    void restoreConfig(Optional<Path> app) {
        RawRepl repl = new RawRepl(link, tap, Duration.ofSeconds(30));
        repl.enter(true);
        if (writeConfig(new Deployer(repl), app)) {
            tap.capture().accept("[uconform] restored config.json after the run");
        }
        repl.softRebootIntoMain();
    }

    /** True when there was a configuration to write. */
    private boolean writeConfig(Deployer deployer, Optional<Path> app) {
        if (wifi.isEmpty() && auth.isEmpty() && !loopbackServer) {
            return false;
        }
        byte[] config = app.map(dir -> dir.resolve("config.json")).filter(Files::isRegularFile)
                .map(AppInstaller::read).orElse(null);
        if (wifi.isPresent()) {
            config = DeviceConfigJson.withStation(config, wifi.get());
        }
        if (auth.isPresent()) {
            config = DeviceConfigJson.withAuth(config, auth.get());
        }
        if (loopbackServer) {
            config = DeviceConfigJson.withLoopbackServer(config, freeLoopbackPort());
        }
        deployer.writeFile("config.json", config);
        tap.capture().accept("[uconform] wrote config.json" + wifi.map(w -> " (station '" + w.ssid() + "')").orElse(""));
        return true;
    }

    private static int freeLoopbackPort() {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port for the virtual board's server: " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
