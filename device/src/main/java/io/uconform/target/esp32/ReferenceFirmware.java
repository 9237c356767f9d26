package io.uconform.target.esp32;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The reference firmware to push when a virtual board is given no app: the system property
 * {@code uconform.firmware}, else {@code server/firmware} in the working directory or a parent.
 */
final class ReferenceFirmware {

    private ReferenceFirmware() {
    }

    static Optional<Path> locate() {
        String configured = System.getProperty("uconform.firmware");
        if (configured != null) {
            Path dir = Path.of(configured).toAbsolutePath();
            return Files.isRegularFile(dir.resolve("main.py")) ? Optional.of(dir) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("server").resolve("firmware");
            if (Files.isRegularFile(candidate.resolve("main.py"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
