package io.uconform.kind.renode;

import io.uconform.kind.renode.launch.ContainerRenode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What the kind looks at on this host: the environment (PATH, cache dir), the network interfaces
 * ({@code /sys/class/net}) and whether a Docker engine answers. A record so tests can describe a
 * host without Renode, TAP or Docker.
 */
record RenodeHost(Map<String, String> env, Path sysClassNet, BooleanSupplier docker) {

    static RenodeHost system() {
        return new RenodeHost(System.getenv(), Path.of("/sys/class/net"), ContainerRenode::dockerAvailable);
    }

    /** {@code renode} on PATH, if any. */
    Optional<Path> renodeOnPath() {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, "renode");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    boolean hasInterface(String name) {
        return Files.exists(sysClassNet.resolve(name));
    }
}
