package io.uconform.kind.renode;

import io.uconform.spi.TargetException;
import io.uconform.spi.TargetSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code renode} kind's options, parsed once.
 *
 * @param renode       {@code renode=<path>} a local Renode, {@code renode=docker} the pinned container
 *                     image; empty = {@code renode} on PATH, else the container
 * @param board        the emulated board ({@code platform}, default {@code nucleo-f767zi})
 * @param image        a local MicroPython image instead of the pinned download ({@code image})
 * @param imageSha256  a SHA-256 the user checked for the pinned download ({@code imageSha256})
 * @param app          the app directory pushed over the raw REPL ({@code app}); empty = the reference firmware
 * @param network      TAP and addresses ({@code tap}, {@code hostIp}, {@code boardIp})
 * @param ready        the console line announcing the server; group 1 is the base URL ({@code ready})
 * @param bootBudget   emulated time the firmware may take to print the ready line
 *                     ({@code bootTimeoutSeconds}, default 60); host-side it is scaled by the real-time factor
 */
public record RenodeOptions(Optional<String> renode, BoardProfile board, Optional<Path> image,
                            Optional<String> imageSha256, Optional<Path> app, AddressPlan network, Pattern ready,
                            Duration bootBudget) {

    public static final Pattern DEFAULT_READY = Pattern.compile("UCONFORM READY url=(\\S+)");
    static final Set<String> KNOWN = Set.of("renode", "platform", "image", "imageSha256", "app", "tap", "hostIp",
            "boardIp", "ready", "bootTimeoutSeconds");

    /** One {@link TargetException} line for an unknown option or a malformed value. */
    public static RenodeOptions parse(TargetSpec spec) {
        for (String key : spec.options().keySet()) {
            if (!KNOWN.contains(key)) {
                throw new TargetException("renode: no option '" + key + "' (known: " + String.join(", ", new TreeSet<>(KNOWN)) + ")");
            }
        }
        Optional<String> renode = spec.option("renode").map(String::trim).filter(s -> !s.isEmpty());
        String platform = spec.option("platform").map(String::trim).orElse(BoardProfile.NUCLEO_F767ZI.name());
        BoardProfile board = BoardProfile.named(platform).orElseThrow(() -> new TargetException(
                "renode: option platform: unknown board '" + platform + "' (known: " + BoardProfile.NUCLEO_F767ZI.name() + ")"));
        Optional<String> sha = spec.option("imageSha256").map(s -> s.trim().toLowerCase(java.util.Locale.ROOT));
        if (sha.isPresent() && !sha.get().matches("[0-9a-f]{64}")) {
            throw new TargetException("renode: option imageSha256: '" + sha.get() + "' is not 64 hex digits");
        }
        AddressPlan network = new AddressPlan(spec.option("tap").orElse(AddressPlan.DEFAULT.tap()),
                spec.option("hostIp").orElse(AddressPlan.DEFAULT.hostIp()),
                spec.option("boardIp").orElse(AddressPlan.DEFAULT.boardIp()));
        Pattern ready;
        try {
            ready = spec.option("ready").map(Pattern::compile).orElse(DEFAULT_READY);
        } catch (PatternSyntaxException e) {
            throw new TargetException("renode: option ready: not a regular expression: " + e.getDescription());
        }
        int seconds;
        try {
            seconds = Integer.parseInt(spec.option("bootTimeoutSeconds").orElse("60").trim());
        } catch (NumberFormatException e) {
            throw new TargetException("renode: option bootTimeoutSeconds: '" + spec.option("bootTimeoutSeconds").get()
                    + "' is not a whole number of seconds");
        }
        if (seconds < 1 || seconds > 3600) {
            throw new TargetException("renode: option bootTimeoutSeconds: " + seconds + " is not 1..3600");
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
