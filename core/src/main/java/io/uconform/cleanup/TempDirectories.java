package io.uconform.cleanup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Temp directories that hold a device's files (its {@code config.json} carries Wi-Fi and auth
 * passwords): owner-only ({@code 0700}) while they exist, removed by their owner's close or, at the
 * latest, when the JVM exits (a signal included: see {@link Cleanup}).
 */
public final class TempDirectories {

    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    private TempDirectories() {
    }

    /** A new owner-only directory under {@code java.io.tmpdir}. */
    public static Path create(String prefix) {
        Cleanup.install();
        if (Cleanup.stopping()) {
            throw new UncheckedIOException(new IOException("the run is being stopped: no new temp directory " + prefix + "*"));
        }
        try {
            Path dir = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory(prefix, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory(prefix);
            LIVE.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp directory (" + prefix + "*) in "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the directory and everything in it; best effort, never throws. */
    public static void remove(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // gone already, or a file is being written: the exit sweep tries again
        }
        if (!Files.exists(dir)) {
            LIVE.remove(dir);
        }
    }

    /** The directories created and not yet removed. */
    public static List<Path> live() {
        return List.copyOf(LIVE);
    }

    static void removeAll() {
        live().forEach(TempDirectories::remove);
    }
}
