package io.uconform.kind.host;

import io.uconform.spi.KindOption;
import io.uconform.spi.KindOptions;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Typed options of the {@code host} target. Immutable.
 *
 * @param interpreter  {@code auto} (micropython when on PATH, else python3), {@code micropython} or {@code python3}
 * @param heap         MicroPython heap size ({@code -X heapsize=}), e.g. {@code 128K}
 * @param firmware     the device filesystem to run (option {@code app}); empty = the reference firmware
 * @param board        virtual board id ({@code esp32-devkitc}, {@code esp32c3-devkitm})
 * @param port         HTTP port on 127.0.0.1, 0 = a free port
 * @param readyTimeout how long to wait for the {@code UCONFORM READY} line
 * @param fastTimers   header timeout 1 s and keep-alive idle 2 s (as the sim target) instead of the profile's
 * @param cors         CORS on ({@code cors=on}) or off (default), reported as the fact {@code cors}
 * @param bind         {@code 127.0.0.1} (default) or {@code ::} (dual stack), reported as the fact {@code bind}
 * @param mpyCross     an {@code mpy-cross} that precompiles the firmware's {@code lib/} modules to .mpy before boot;
 *                     empty = the device gets the sources (and compiles them itself)
 */
public record HostOptions(String interpreter, String heap, Optional<Path> firmware, String board, int port,
                          Duration readyTimeout, boolean fastTimers, boolean cors, String bind, Optional<Path> mpyCross) {

    /** Every option of the {@code host} kind; any other is refused with their names. */
    public static final List<KindOption> OPTIONS = List.of(
            new KindOption("interpreter", "auto|micropython|python3", "auto",
                    "what runs the firmware (auto: micropython when on PATH, else python3)"),
            new KindOption("heap", "size", "128K", "MicroPython heap size (-X heapsize=), e.g. 128K or 2M"),
            new KindOption("app", "dir", "", "the device filesystem to run, a directory with main.py (default: the reference firmware)"),
            new KindOption("board", "board id", "esp32-devkitc", "the virtual board: esp32-devkitc or esp32c3-devkitm"),
            new KindOption("port", "number", "0", "HTTP port on the bind address, 0 = a free one"),
            new KindOption("ready-timeout", "seconds", "30", "how long to wait for the UCONFORM READY line (1..600)"),
            new KindOption("timers", "fast|device", "fast", "fast: header timeout 1 s, keep-alive idle 2 s; device: the profile's"),
            new KindOption("cors", "on|off", "off", "answer CORS requests"),
            new KindOption("bind", "127.0.0.1|::", "127.0.0.1", "the address the server listens on (:: = dual stack)"),
            new KindOption("mpy-cross", "path", "", "an mpy-cross that precompiles the firmware's lib/ to .mpy before boot, as for a small board (default: none, sources)"));

    public static HostOptions parse(TargetSpec given) {
        TargetSpec spec = new TargetSpec(given.kind(), KindOptions.canonical("host", OPTIONS, given.options()),
                given.profile());
        String interpreter = spec.option("interpreter").orElse("auto");
        if (!Set.of("auto", "micropython", "python3").contains(interpreter)) {
            throw new TargetException("target 'host': interpreter must be auto, micropython or python3, not '" + interpreter + "'");
        }
        String heap = spec.option("heap").orElse("128K");
        if (!heap.matches("\\d+[KkMm]?")) {
            throw new TargetException("target 'host': heap must look like 128K or 2M, not '" + heap + "'");
        }
        Optional<Path> app = spec.option("app").map(Path::of);
        if (app.isPresent() && !Files.isRegularFile(app.get().resolve("main.py"))) {
            throw new TargetException("target 'host': app directory " + app.get() + " has no main.py");
        }
        String timers = spec.option("timers").orElse("fast");
        if (!timers.equals("fast") && !timers.equals("device")) {
            throw new TargetException("target 'host': timers must be fast or device, not '" + timers + "'");
        }
        String cors = spec.option("cors").orElse("off");
        if (!cors.equals("on") && !cors.equals("off")) {
            throw new TargetException("target 'host': cors must be on or off, not '" + cors + "'");
        }
        String bind = spec.option("bind").orElse("127.0.0.1");
        if (!bind.equals("127.0.0.1") && !bind.equals("::")) {
            throw new TargetException("target 'host': bind must be 127.0.0.1 or ::, not '" + bind + "'");
        }
        Optional<Path> mpyCross = spec.option("mpy-cross").filter(p -> !p.isEmpty()).map(Path::of);
        if (mpyCross.isPresent() && !(Files.isRegularFile(mpyCross.get()) && Files.isExecutable(mpyCross.get()))) {
            throw new TargetException("target 'host': mpy-cross " + mpyCross.get() + " is not an executable file");
        }
        return new HostOptions(interpreter, heap, app, spec.option("board").orElse("esp32-devkitc"),
                number(spec, "port", 0, 0, 65535), Duration.ofSeconds(number(spec, "ready-timeout", 30, 1, 600)),
                timers.equals("fast"), cors.equals("on"), bind, mpyCross);
    }

    private static int number(TargetSpec spec, String name, int fallback, int min, int max) {
        String text = spec.option(name).orElse(String.valueOf(fallback));
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new TargetException("target 'host': option '" + name + "' must be a number " + min + ".." + max + ", not '" + text + "'");
        }
    }
}
