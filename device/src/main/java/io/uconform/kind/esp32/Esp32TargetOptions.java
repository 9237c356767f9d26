package io.uconform.kind.esp32;

import io.uconform.credentials.AuthCredentials;
import io.uconform.flash.Chip;
import io.uconform.flash.ResetStrategy;
import io.uconform.flash.StubChoice;
import io.uconform.link.UsbId;
import io.uconform.spi.KindOption;
import io.uconform.spi.KindOptions;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code esp32} target's options, parsed from the raw ones. Exactly one of {@code port},
 * {@code vidpid}, {@code tcp} names the link ({@code UCONFORM_PORT} stands in for {@code port}).
 *
 * @param port        serial port path or name
 * @param vidpid      find the serial port by USB id
 * @param tcp         raw serial over TCP, {@code host:port} (no reset lines)
 * @param virtual     run the in-process virtual ESP32 of this chip instead of a real board
 * @param image       MicroPython image to flash first (skipped when the board already holds it)
 * @param app         directory pushed to the board's filesystem
 * @param credentials Wi-Fi credentials file (default {@code ~/.config/uconform/wifi.json})
 * @param chip        the chip the board must be (flashing fails with "wrong chip" otherwise)
 * @param baud        flashing baud rate (the console stays at 115200)
 * @param ready       the console line announcing the server; group 1 is the base URL
 * @param bootTimeout option {@code boot-timeout-seconds}: how long to wait for the ready line after the reboot
 * @param auth        the profile's Basic credentials, written into the board's config
 * @param loopback    jumper wires on the bench ({@code loopback=2>18,21>0}): the board probe reads
 *                    and drives pins through them; empty: pin-effect checks are skipped on hardware
 * @param stub        the flasher stub for {@code image}: {@code auto} (the installed esptool's, else the ROM
 *                    loader), {@code none} (ROM loader), or a stub file in esptool's JSON format
 * @param pacedLine   option {@code paced-line}, with {@code virtual}: hold the virtual board's UART to the modelled line rate
 *                    (10 bits per byte at the current baud), so a run takes as long as on a real
 *                    board's serial line ({@code paced-line=true}; default: as fast as the host can)
 */
public record Esp32TargetOptions(Optional<String> port, Optional<UsbId> vidpid, Optional<String> tcp,
                                 Optional<Chip> virtual, Optional<Path> image, Optional<Path> app, Optional<Path> credentials,
                                 Optional<Chip> chip, int baud, Pattern ready, Duration bootTimeout,
                                 Optional<AuthCredentials> auth, Optional<LoopbackBench> loopback,
                                 StubChoice stub, boolean pacedLine) {

    /** With an app given as a directory, or the reference firmware found for a virtual board. */
    Esp32TargetOptions withApp(Path dir) {
        return new Esp32TargetOptions(port, vidpid, tcp, virtual, image, Optional.of(dir), credentials, chip, baud,
                ready, bootTimeout, auth, loopback, stub, pacedLine);
    }

    /** A board found by its USB bridge when no link was named. */
    Esp32TargetOptions withFoundBoard(UsbId found) {
        return new Esp32TargetOptions(port, Optional.of(found), tcp, virtual, image, app, credentials, chip, baud,
                ready, bootTimeout, auth, loopback, stub, pacedLine);
    }

    public static final Pattern DEFAULT_READY = Pattern.compile("UCONFORM READY url=(\\S+)");

    /** Every option the kind takes: any other is a typo, refused with their names. */
    public static final java.util.List<KindOption> OPTIONS = java.util.List.of(
            new KindOption("port", "path", "", "serial port of the board (or UCONFORM_PORT); several, comma-separated, for a pool"),
            new KindOption("vidpid", "VID:PID", "", "find the serial port by USB id"),
            new KindOption("tcp", "host:port", "", "raw serial over TCP (no reset lines)"),
            new KindOption("virtual", "chip", "", "the in-process virtual board of this chip (esp32, esp32s2, esp32s3, esp32c3, esp32c6)"),
            new KindOption("image", "file", "", "MicroPython image to flash first (skipped when the board already holds it)"),
            new KindOption("app", "dir", "", "directory pushed to the board's filesystem (virtual: default the reference firmware)"),
            new KindOption("credentials", "file", "~/.config/uconform/wifi.json", "Wi-Fi credentials file"),
            new KindOption("chip", "chip", "", "the chip the board must be (flashing fails with 'wrong chip' otherwise)"),
            new KindOption("baud", "number", "460800", "flashing baud rate (the console stays at 115200)"),
            new KindOption("ready", "regex", DEFAULT_READY.pattern(), "the console line announcing the server, group 1 the base URL"),
            new KindOption("boot-timeout-seconds", "seconds", "60", "how long to wait for the ready line after the reboot")
                    .formerly("bootTimeoutSeconds"),
            new KindOption("loopback", "wires", "", "jumper wires on the bench, e.g. 2>18,21>0: the board probe reads and drives pins through them"),
            new KindOption("stub", "auto|none|file", "auto", "the flasher stub for image: the installed esptool's, the ROM loader, or a stub JSON file"),
            new KindOption("paced-line", "true|false", "false", "virtual: hold the UART to the modelled line rate, as slow as a real board")
                    .formerly("pacedLine"),
            new KindOption("interpreter", "auto|micropython|python3", "auto", "virtual: what runs the board's MicroPython code"),
            new KindOption("heap", "size", "128K", "virtual: the MicroPython unix port's heap (-X heapsize=)"));

    /** Parses the options; one {@link TargetException} line for a malformed value or an unknown option. */
    public static Esp32TargetOptions parse(TargetSpec given, Map<String, String> env) {
        TargetSpec spec = new TargetSpec(given.kind(), KindOptions.canonical("esp32", OPTIONS, given.options()),
                given.profile());
        Optional<String> port = spec.option("port").or(() -> Optional.ofNullable(env.get("UCONFORM_PORT"))
                .filter(s -> !s.isBlank()));
        Optional<UsbId> vidpid = spec.option("vidpid").map(v -> {
            try {
                return UsbId.parse(v);
            } catch (IllegalArgumentException e) {
                throw new TargetException("esp32: option vidpid: " + e.getMessage());
            }
        });
        Optional<String> tcp = spec.option("tcp");
        Optional<Chip> virtual = spec.option("virtual").map(c -> Chip.parse(c).orElseThrow(() -> new TargetException(
                "esp32: option virtual names an unknown chip '" + c + "' (known: esp32, esp32s2, esp32s3, esp32c3, esp32c6)")));
        if (virtual.isPresent()) {
            port = Optional.empty(); // UCONFORM_PORT does not compete with an explicit virtual board
        }
        Optional<Chip> chip = spec.option("chip").map(c -> Chip.parse(c).orElseThrow(() -> new TargetException(
                "esp32: unknown chip '" + c + "' (known: esp32, esp32s2, esp32s3, esp32c3, esp32c6)")));
        int baud = integer(spec, "baud", 460_800);
        Pattern ready;
        try {
            ready = spec.option("ready").map(Pattern::compile).orElse(DEFAULT_READY);
        } catch (PatternSyntaxException e) {
            throw new TargetException("esp32: option ready is not a regular expression: " + e.getDescription());
        }
        Duration boot = Duration.ofSeconds(integer(spec, "boot-timeout-seconds", 60));
        spec.option("image").map(Path::of).filter(Files::isRegularFile).ifPresent(Esp32TargetOptions::checkImage);
        return new Esp32TargetOptions(port, vidpid, tcp, virtual, spec.option("image").map(Path::of),
                spec.option("app").map(Path::of), spec.option("credentials").map(Path::of), chip, baud, ready, boot,
                AuthCredentials.fromProfile(spec.profile()), LoopbackBench.parse(spec), stub(spec), pacedLine(spec));
    }

    /** A wrong image is one line before anything starts: the board keeps its firmware. */
    private static void checkImage(Path image) {
        try {
            io.uconform.flash.FirmwareImage.check(Files.readAllBytes(image), image.toString());
        } catch (io.uconform.flash.FlashException e) {
            throw new TargetException("esp32: option image: " + e.getMessage());
        } catch (java.io.IOException e) {
            throw new TargetException("esp32: option image: cannot read " + image + ": " + e.getMessage());
        }
    }

    private static boolean pacedLine(TargetSpec spec) {
        String value = spec.option("paced-line").orElse("false").trim();
        if (!value.equals("true") && !value.equals("false")) {
            throw new TargetException("esp32: option paced-line must be true or false, got '" + value + "'");
        }
        return value.equals("true");
    }

    private static StubChoice stub(TargetSpec spec) {
        StubChoice stub = StubChoice.parse(spec.option("stub").orElse("auto"));
        stub.file().filter(f -> !Files.isRegularFile(f)).ifPresent(f -> {
            throw new TargetException("esp32: option stub: no flasher stub file " + f + " (use auto, none or a stub"
                    + " JSON file such as esptool's targets/stub_flasher/2/esp32.json)");
        });
        return stub;
    }

    /** How many links are named (the kind wants exactly one). */
    int linkCount() {
        return (port.isPresent() ? 1 : 0) + (vidpid.isPresent() ? 1 : 0) + (tcp.isPresent() ? 1 : 0)
                + (virtual.isPresent() ? 1 : 0);
    }

    /** A name for messages and test display names, e.g. {@code esp32@/dev/ttyUSB0}. */
    String displayName() {
        return "esp32@" + port.or(() -> vidpid.map(UsbId::toString)).or(() -> tcp.map(t -> "tcp://" + t))
                .or(() -> virtual.map(c -> "virtual-" + c.name().toLowerCase().replace("_", ""))).orElse("?");
    }

    ResetStrategy resetStrategy() {
        if (tcp.isPresent()) {
            return ResetStrategy.NONE;
        }
        return vidpid.filter(UsbId.ESP_USB_JTAG::equals).isPresent() ? ResetStrategy.USB_JTAG : ResetStrategy.CLASSIC;
    }

    private static int integer(TargetSpec spec, String name, int fallback) {
        String v = spec.option(name).orElse(null);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new TargetException("esp32: option " + name + " must be a positive whole number, got '" + v + "'");
        }
    }
}
