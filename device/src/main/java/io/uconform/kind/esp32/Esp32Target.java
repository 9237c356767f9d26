package io.uconform.kind.esp32;

import io.uconform.console.ConsoleCapture;
import io.uconform.console.ConsoleLine;
import io.uconform.console.SecretMask;
import io.uconform.credentials.AuthCredentials;
import io.uconform.credentials.DeviceSettings;
import io.uconform.credentials.WifiCredentials;
import io.uconform.flash.FlashException;
import io.uconform.link.Link;
import io.uconform.probe.BoardProbe;
import io.uconform.repl.ConsolePump;
import io.uconform.repl.ConsoleTap;
import io.uconform.repl.ReplException;
import io.uconform.spi.Readiness;
import io.uconform.spi.RunningTarget;
import io.uconform.spi.Target;
import io.uconform.spi.TargetException;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * An ESP32 (real, or the virtual one over TCP) running MicroPython: on start it flashes the image
 * if one is given and differs, pushes the app and the Wi-Fi config over the raw REPL, reboots into
 * main.py and waits for the firmware's ready line, whose URL becomes the base URI. The console is
 * captured (passwords masked) for the whole run. Not thread-safe.
 */
public final class Esp32Target implements Target {

    private final Esp32TargetOptions options;
    private final java.util.function.Supplier<BoardConnection> boards;
    private BoardConnection board;
    private Link link;
    private ConsolePump pump;
    private RunningTarget running;
    private AppInstaller installer;
    private ConsoleCapture console;

    /** A board on a link the opener makes, with the user's settings (Wi-Fi credentials, warnings). */
    public Esp32Target(Esp32TargetOptions options, DeviceSettings settings, LinkOpener opener) {
        this(options, () -> BoardConnection.serial(opener, settings.wifi()), settings.warnings());
    }

    Esp32Target(Esp32TargetOptions options, java.util.function.Supplier<BoardConnection> boards, List<String> warnings) {
        this.options = options;
        this.boards = boards;
        this.warnings = List.copyOf(warnings);
    }

    private final List<String> warnings;

    @Override
    public String name() {
        return options.displayName();
    }

    @Override
    public RunningTarget start() {
        if (running != null) {
            return running;
        }
        if (board == null) {
            board = boards.get();
        }
        Optional<WifiCredentials> wifi = board.wifi();
        SecretMask mask = wifi.map(WifiCredentials::mask).orElse(SecretMask.none());
        mask = mask.with(options.auth().map(AuthCredentials::password).orElse(null));
        console = new ConsoleCapture(mask);
        warnings.forEach(console::accept);
        ConsoleTap tap = new ConsoleTap(console);
        try {
            link = board.open();
        } catch (IOException e) {
            throw new TargetException(name() + ": " + e.getMessage(), e);
        }
        Map<String, String> facts = new LinkedHashMap<>(board.facts());
        facts.put("link", link.name());
        try {
            options.image().ifPresent(image -> facts.putAll(new ImageInstaller(options, link).install(image)));
            installer = new AppInstaller(link, tap, wifi, options.auth(), board.loopbackServer());
            installer.install(options.app());
        } catch (FlashException | ReplException | IllegalStateException | io.uconform.credentials.CredentialsException e) {
            stop();
            String message = mask.apply(String.valueOf(e.getMessage()));
            if (e instanceof ReplException) {
                message += "; " + BootDiagnosis.explain(console.lines());
            }
            throw new TargetException(name() + ": " + message, lastLines(console, 20), e);
        }
        int mark = console.size();
        ProgressLines.stderr().say("waiting up to " + options.bootTimeout().toSeconds() + " s for the ready line ("
                + options.ready().pattern() + ")");
        pump = new ConsolePump(link, tap, "esp32-console " + link.name());
        Optional<ConsoleLine> ready;
        try {
            ready = Readiness.consoleLine(options.ready()).withTimeout(options.bootTimeout())
                    .await(Readiness.Subject.console(name(), console, mark, () -> true)).line();
        } catch (TargetException e) {
            List<ConsoleLine> since = console.lines().subList(Math.min(mark, console.size()), console.size());
            String why = BootDiagnosis.explain(since);
            stop();
            throw new TargetException(e.getMessage() + "; " + why, lastLines(console, 20), null);
        }
        console.lines().stream().map(ConsoleLine::text).filter(t -> t.startsWith("MicroPython v")).reduce((a, b) -> b)
                .ifPresent(banner -> facts.put("firmware", banner));
        facts.putAll(board.facts()); // a virtual board knows what ran its code once it has booted
        URI baseUri = baseUri(ready.get().text());
        ProgressLines.stderr().say("ready: " + baseUri);
        options.loopback().ifPresent(bench -> facts.put("probe", "loopback " + bench.wires()));
        BoardProbe probe = options.loopback().map(bench -> bench.probe(baseUri, options.auth())).orElseGet(board::probe);
        running = new RunningTarget(baseUri, probe, console, Optional.empty(), facts);
        return running;
    }

    @Override
    public RunningTarget restart() {
        stop(); // the board (and a virtual board's flash and filesystem) stays
        return start();
    }

    @Override
    public boolean ownsLifecycle() {
        return true;
    }

    private URI baseUri(String line) {
        Matcher m = options.ready().matcher(line);
        if (!m.find() || m.groupCount() < 1) {
            throw new TargetException(name() + ": the ready line '" + line + "' has no URL group in '"
                    + options.ready().pattern() + "'");
        }
        try {
            return URI.create(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new TargetException(name() + ": the ready line's URL '" + m.group(1) + "' is not a URI");
        }
    }

    private static String lastLines(ConsoleCapture console, int n) {
        return console.tail(n).stream().map(ConsoleLine::text).collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        restoreConfig();
        stop();
        if (board != null) {
            board.close();
            board = null;
        }
    }

    /** After a run the board gets its configuration back (checks may have changed it); failures are only noted. */
    private void restoreConfig() {
        if (running == null || link == null || installer == null) {
            return; // never started, or already stopped: nothing the checks could have changed
        }
        if (pump != null) {
            pump.close(); // the raw REPL needs the link to itself
            pump = null;
        }
        try {
            installer.restoreConfig(options.app());
        } catch (ReplException | IllegalStateException | io.uconform.credentials.CredentialsException e) {
            console.accept("[uconform] could not restore config.json after the run: " + e.getMessage());
        }
    }

    private void stop() {
        running = null;
        installer = null;
        if (pump != null) {
            pump.close();
            pump = null;
        }
        if (link != null) {
            link.close();
            link = null;
        }
    }
}
