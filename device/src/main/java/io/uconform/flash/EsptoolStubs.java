package io.uconform.flash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the flasher stubs of an installed esptool: asks {@code python3} where the {@code esptool}
 * package lives (bounded by a timeout; asked once per JVM), then looks for
 * {@code targets/stub_flasher/2/<chip>.json}, then {@code 1/}. Nothing is found when python3 or
 * esptool is missing: the caller falls back to the ROM loader.
 */
public interface EsptoolStubs {

    /** The stub file for {@code chip}, if an esptool installation provides one. */
    Optional<Path> stubFile(Chip chip);

    /** The installed esptool, found through {@code python3}. */
    static EsptoolStubs installed() {
        return chip -> Installed.DIRECTORY.flatMap(dir -> inPackage(dir, chip));
    }

    /** Stubs from an esptool package directory (the one holding {@code targets/}). */
    static EsptoolStubs inDirectory(Path esptoolPackage) {
        return chip -> inPackage(esptoolPackage, chip);
    }

    private static Optional<Path> inPackage(Path dir, Chip chip) {
        String name = chip.name().toLowerCase().replace("_", "") + ".json";
        for (String version : List.of("2", "1")) {
            Path file = dir.resolve("targets").resolve("stub_flasher").resolve(version).resolve(name);
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /** The lookup, done once per JVM (an installation does not move during a run). */
    final class Installed {

        static final Optional<Path> DIRECTORY = locate();
        private static final long TIMEOUT_SECONDS = 5;

        private Installed() {
        }

        private static Optional<Path> locate() {
            try {
                Process p = new ProcessBuilder("python3", "-c",
                        "import esptool,os;print(os.path.dirname(esptool.__file__))")
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return Optional.empty();
                }
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                return p.exitValue() == 0 && !out.isEmpty() ? Optional.of(Path.of(out)) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty(); // no python3
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
