package io.uconform.kind.renode;

import io.uconform.kind.renode.launch.ContainerRenode;
import io.uconform.spi.KindOption;
import io.uconform.spi.KindOptions;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code renode} kind's options, parsed once.
 *
 * @param renode       {@code renode=<path>} a local Renode, {@code renode=docker} the pinned container
 *                     image; empty = {@code renode} on PATH, else the container
 * @param board        the emulated board ({@code platform}, default {@code nucleo-f767zi})
 * @param image        a local MicroPython image instead of the pinned download ({@code image})
 * @param imageSha256  a SHA-256 the user checked for the pinned download ({@code image-sha256})
 * @param app          the app directory pushed over the raw REPL ({@code app}); empty = the reference firmware
 * @param network      TAP and addresses ({@code tap}, {@code host-ip}, {@code board-ip})
 * @param ready        the console line announcing the server; group 1 is the base URL ({@code ready})
 * @param bootBudget   emulated time the firmware may take to print the ready line
 *                     ({@code boot-timeout-seconds}, default 60); host-side it is scaled by the real-time factor
 */
public record RenodeOptions(Optional<String> renode, BoardProfile board, Optional<Path> image,
                            Optional<String> imageSha256, Optional<Path> app, AddressPlan network, Pattern ready,
                            Duration bootBudget) {

    public static final Pattern DEFAULT_READY = Pattern.compile("UCONFORM READY url=(\\S+)");

    /** Every option the kind takes (kebab-case; the camel-case spellings of before are still accepted). */
    public static final List<KindOption> OPTIONS = List.of(
            new KindOption("renode", "path|docker", "", "a local Renode executable, or docker for " + ContainerRenode.IMAGE
                    + " (default: renode on PATH, else Docker)"),
            new KindOption("platform", "board", BoardProfile.NUCLEO_F767ZI.name(), "the emulated board"),
            new KindOption("image", "file", "", "a local MicroPython image (.hex, .elf, .bin) instead of the pinned download"),
            new KindOption("image-sha256", "hex", "", "the SHA-256 you checked for the pinned download").formerly("imageSha256"),
            new KindOption("app", "dir", "", "app directory pushed over the raw REPL (default: the reference firmware)"),
            new KindOption("tap", "interface", AddressPlan.DEFAULT.tap(), "host TAP interface the board's Ethernet is joined to"),
            new KindOption("host-ip", "ipv4", AddressPlan.DEFAULT.hostIp(), "the host end of the TAP, the board's gateway")
                    .formerly("hostIp"),
            new KindOption("board-ip", "ipv4", AddressPlan.DEFAULT.boardIp(), "the board's static address (same /24)")
                    .formerly("boardIp"),
            new KindOption("ready", "regex", DEFAULT_READY.pattern(), "the console line announcing the server, group 1 the base URL"),
            new KindOption("boot-timeout-seconds", "seconds", "60",
                    "emulated time for the ready line after the reboot (scaled by the real-time factor)")
                    .formerly("bootTimeoutSeconds"));

    /** One {@link TargetException} line for an unknown option or a malformed value. */
    public static RenodeOptions parse(TargetSpec given) {
        TargetSpec spec = new TargetSpec(given.kind(), KindOptions.canonical("renode", OPTIONS, given.options()),
                given.profile());
        Optional<String> renode = spec.option("renode").map(String::trim).filter(s -> !s.isEmpty());
        String platform = spec.option("platform").map(String::trim).orElse(BoardProfile.NUCLEO_F767ZI.name());
        BoardProfile board = BoardProfile.named(platform).orElseThrow(() -> new TargetException(
                "renode: option platform: unknown board '" + platform + "' (known: " + BoardProfile.NUCLEO_F767ZI.name() + ")"));
        Optional<String> sha = spec.option("image-sha256").map(s -> s.trim().toLowerCase(java.util.Locale.ROOT));
        if (sha.isPresent() && !sha.get().matches("[0-9a-f]{64}")) {
            throw new TargetException("renode: option image-sha256: '" + sha.get() + "' is not 64 hex digits");
        }
        AddressPlan network = new AddressPlan(spec.option("tap").orElse(AddressPlan.DEFAULT.tap()),
                spec.option("host-ip").orElse(AddressPlan.DEFAULT.hostIp()),
                spec.option("board-ip").orElse(AddressPlan.DEFAULT.boardIp()));
        Pattern ready;
        try {
            ready = spec.option("ready").map(Pattern::compile).orElse(DEFAULT_READY);
        } catch (PatternSyntaxException e) {
            throw new TargetException("renode: option ready: not a regular expression: " + e.getDescription());
        }
        int seconds;
        try {
            seconds = Integer.parseInt(spec.option("boot-timeout-seconds").orElse("60").trim());
        } catch (NumberFormatException e) {
            throw new TargetException("renode: option boot-timeout-seconds: '" + spec.option("boot-timeout-seconds").get()
                    + "' is not a whole number of seconds");
        }
        if (seconds < 1 || seconds > 3600) {
            throw new TargetException("renode: option boot-timeout-seconds: " + seconds + " is not 1..3600");
        }
        return new RenodeOptions(renode, board, spec.option("image").map(Path::of), sha, spec.option("app").map(Path::of),
                network, ready, Duration.ofSeconds(seconds));
    }

    /** True when the options ask for the container explicitly. */
    public boolean wantsContainer() {
        return renode.filter("docker"::equals).isPresent();
    }

    /** The pinned download for the board, with the user's SHA-256 when given. */
    public PinnedFirmware pinnedFirmware() {
        return imageSha256.map(PinnedFirmware.NUCLEO_F767ZI::withSha256).orElse(PinnedFirmware.NUCLEO_F767ZI);
    }
}
