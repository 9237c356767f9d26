package io.uconform.simulator.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A temporary directory standing in for the device's filesystem: the firmware's files, the
 * stand-in modules under {@code .hostrt/}, and the {@code config.json} the target writes.
 */
public final class DeviceDirectory implements AutoCloseable {

    /** The stand-in modules shipped as class path resources under {@code hostrt/}. */
    static final List<String> HOSTRT = List.of("_uconform_bridge.py", "machine.py", "network.py", "esp32.py");
    static final Set<String> NOT_ON_DEVICE = Set.of("tests", "bench", "__pycache__", ".git", "README.md", "node_modules",
            "micropython-api.txt", ".spool");
    /** Editors' own files beside the sources (vim writes 4913 to test a directory). */
    static final Set<String> EDITOR_FILES = Set.of(".idea", ".vscode", ".DS_Store", "4913");

    private final Path root;
    /** Files copied from the app directory by the last copy, relative to both roots. */
    private final Set<String> copied = new HashSet<>();

    private DeviceDirectory(Path root) {
        this.root = root;
    }

    public static DeviceDirectory create(Path firmware) {
        try {
            Path root = io.uconform.cleanup.TempDirectories.create("uconform-host-");
            DeviceDirectory device = new DeviceDirectory(root);
            device.copyTree(firmware);
            Path hostrt = Files.createDirectories(root.resolve(".hostrt"));
            for (String name : HOSTRT) {
                try (InputStream in = DeviceDirectory.class.getResourceAsStream("/hostrt/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("hostrt/" + name + " is missing from the class path");
                    }
                    Files.copy(in, hostrt.resolve(name));
                }
            }
            return device;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the device directory: " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    public Path hostrt() {
        return root.resolve(".hostrt");
    }

    public void writeConfig(String json) {
        try {
            Files.writeString(root.resolve("config.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write config.json: " + e.getMessage(), e);
        }
    }

    /**
     * Brings the device's copy up to date with the app directory (as {@code mpremote cp} before a
     * soft reset): new and changed files are copied, files deleted there are deleted here, and files
     * the app wrote itself stay.
     */
    void sync(Path from) {
        Set<String> before = Set.copyOf(copied);
        try {
            copyTree(from);
            for (String gone : before) {
                if (!copied.contains(gone)) {
                    Files.deleteIfExists(root.resolve(gone));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + from + " to the device: " + e.getMessage(), e);
        }
    }

    /** Whether a file or directory of an app directory belongs on the device (not tests, caches or editor files). */
    static boolean onDevice(Path name) {
        String n = name.getFileName().toString();
        return !NOT_ON_DEVICE.contains(n) && !EDITOR_FILES.contains(n) && !n.startsWith(".#") && !n.endsWith("~")
                && !n.endsWith(".swp") && !n.endsWith(".swx") && !n.endsWith(".pyc");
    }

    private void copyTree(Path from) throws IOException {
        copied.clear();
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(from) && !onDevice(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(root.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (onDevice(file)) {
                    String relative = from.relativize(file).toString();
                    Files.copy(file, root.resolve(relative), StandardCopyOption.REPLACE_EXISTING);
                    copied.add(relative);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void close() {
        io.uconform.cleanup.TempDirectories.remove(root);
    }
}
