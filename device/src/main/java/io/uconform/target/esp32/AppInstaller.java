package io.uconform.target.esp32;

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
    private final boolean loopbackServer;

    AppInstaller(Link link, ConsoleTap tap, Optional<WifiCredentials> wifi, boolean loopbackServer) {
        this.link = link;
        this.tap = tap;
        this.wifi = wifi;
        this.loopbackServer = loopbackServer;
    }

    void install(Optional<Path> app) {
        RawRepl repl = new RawRepl(link, tap, Duration.ofSeconds(30));
        repl.enter(true);
        Deployer deployer = new Deployer(repl);
        app.ifPresent(dir -> tap.capture().accept("[uconform] pushed " + dir + ": " + deployer.push(dir, "")));
        if (wifi.isPresent() || loopbackServer) {
            byte[] config = app.map(dir -> dir.resolve("config.json")).filter(Files::isRegularFile)
                    .map(AppInstaller::read).orElse(null);
            if (wifi.isPresent()) {
                config = DeviceConfigJson.withStation(config, wifi.get());
            }
            if (loopbackServer) {
                config = DeviceConfigJson.withLoopbackServer(config);
            }
            deployer.writeFile("config.json", config);
            tap.capture().accept("[uconform] wrote config.json" + wifi.map(w -> " (station '" + w.ssid() + "')").orElse(""));
        }
        repl.softRebootIntoMain();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
