package io.uconform.simulator.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the reference firmware (the {@code server/firmware} device filesystem): the system
 * property {@code uconform.firmware}, else {@code server/firmware} in the working directory or
 * one of its parents (a checkout of the project, as in the Maven build).
 */
final class FirmwareLocator {

    static final String PROPERTY = "uconform.firmware";

    private FirmwareLocator() {
    }

    static Optional<Path> referenceFirmware() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null) {
            Path dir = Path.of(configured);
            return isFirmware(dir) ? Optional.of(dir.toAbsolutePath()) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("server").resolve("firmware");
            if (isFirmware(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static boolean isFirmware(Path dir) {
        return Files.isRegularFile(dir.resolve("main.py"));
    }
}
