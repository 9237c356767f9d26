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

    AppInstaller(Link link, ConsoleTap tap, Optional<WifiCredentials> wifi) {
        this.link = link;
        this.tap = tap;
        this.wifi = wifi;
    }

    void install(Optional<Path> app) {
        RawRepl repl = new RawRepl(link, tap, Duration.ofSeconds(30));
        repl.enter(true);
        Deployer deployer = new Deployer(repl);
        app.ifPresent(dir -> tap.capture().accept("[uconform] pushed " + dir + ": " + deployer.push(dir, "")));
        if (wifi.isPresent()) {
            byte[] existing = app.map(dir -> dir.resolve("config.json")).filter(Files::isRegularFile)
                    .map(AppInstaller::read).orElse(null);
            deployer.writeFile("config.json", DeviceConfigJson.withStation(existing, wifi.get()));
            tap.capture().accept("[uconform] wrote config.json (station '" + wifi.get().ssid() + "')");
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
