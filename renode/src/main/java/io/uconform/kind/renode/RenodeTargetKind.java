package io.uconform.kind.renode;

import io.uconform.kind.renode.launch.ContainerRenode;
import io.uconform.kind.renode.launch.LocalRenode;
import io.uconform.kind.renode.launch.RenodeLauncher;
import io.uconform.simulator.host.FirmwareLocator;
import io.uconform.spi.Availability;
import io.uconform.spi.Target;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetKind;
import io.uconform.spi.TargetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code renode} kind: the MicroPython firmware on an emulated board in Renode (today ST
 * NUCLEO-F767ZI, Ethernet on a host TAP). Renode is a local installation ({@code renode=<path>}, or
 * {@code renode} on PATH) or the pinned {@code antmicro/renode} image through Testcontainers
 * ({@code renode=docker}, or when no local one exists and a Docker engine answers). Unavailable,
 * with the reason, when neither exists, when the TAP interface is missing, or when there is no
 * checked firmware image. Options: see {@link RenodeOptions}.
 */
public final class RenodeTargetKind implements TargetKind {

    static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(120);
    private final RenodeHost host;

    public RenodeTargetKind() {
        this(RenodeHost.system());
    }

    RenodeTargetKind(RenodeHost host) {
        this.host = host;
    }

    @Override
    public String name() {
        return "renode";
    }

    @Override
    public java.util.List<io.uconform.spi.KindOption> options() {
        return RenodeOptions.OPTIONS;
    }

    @Override
    public Availability availability(TargetSpec spec) {
        try {
            RenodeOptions options = RenodeOptions.parse(spec);
            launcher(options);
            if (!host.hasInterface(options.network().tap())) {
                return Availability.unavailable("renode: no TAP interface '" + options.network().tap() + "' on this host"
                        + " (create it once: " + options.network().hostSetup() + ")");
            }
            if (options.image().isPresent()) {
                if (!Files.isRegularFile(options.image().get())) {
                    return Availability.unavailable("renode: image " + options.image().get() + " does not exist");
                }
            } else if (options.pinnedFirmware().sha256().isEmpty()) {
                return Availability.unavailable("renode: no SHA-256 is pinned for " + PinnedFirmware.NUCLEO_F767ZI.url()
                        + " (micropython.org publishes none), so it is not downloaded unchecked: pass image=<file> or"
                        + " image-sha256=<hex> (renode/README.md, Firmware image)");
            }
            app(options);
            return Availability.available();
        } catch (TargetException e) {
            return Availability.unavailable(e.getMessage());
        }
    }

    @Override
    public Target create(TargetSpec spec) {
        RenodeOptions options = RenodeOptions.parse(spec); // only malformed options throw here: the rest is found on start
        FirmwareCache cache = FirmwareCache.ofUser(host.env(), DOWNLOAD_TIMEOUT);
        return new RenodeTarget(options, () -> launcher(options), () -> options.image()
                .orElseGet(() -> cache.fetch(options.pinnedFirmware())), () -> app(options));
    }

    /** The launcher the options and this host allow, or one line saying why there is none. */
    RenodeLauncher launcher(RenodeOptions options) {
        if (options.wantsContainer()) {
            if (!host.docker().getAsBoolean()) {
                throw new TargetException("renode: renode=docker, but no Docker engine answers here (for "
                        + ContainerRenode.IMAGE + ")");
            }
            return new ContainerRenode();
        }
        if (options.renode().isPresent()) {
            Path p = Path.of(options.renode().get());
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
                throw new TargetException("renode: renode=" + p + " is not an executable file");
            }
            return new LocalRenode(p);
        }
        Optional<Path> onPath = host.renodeOnPath();
        if (onPath.isPresent()) {
            return new LocalRenode(onPath.get());
        }
        if (host.docker().getAsBoolean()) {
            return new ContainerRenode();
        }
        throw new TargetException("renode: no local Renode (renode=<path>, or renode on PATH) and no Docker engine for "
                + ContainerRenode.IMAGE);
    }

    private static Path app(RenodeOptions options) {
        if (options.app().isPresent()) {
            if (!Files.isDirectory(options.app().get())) {
                throw new TargetException("renode: app " + options.app().get() + " is not a directory");
            }
            return options.app().get();
        }
        return FirmwareLocator.referenceFirmware().orElseThrow(() -> new TargetException(
                "renode: no app (set the option app; the reference firmware was not found: " + FirmwareLocator.searched() + ")"));
    }
}
