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
import java.util.List;
import java.util.Set;

/**
 * A temporary directory standing in for the device's filesystem: the firmware's files, the
 * stand-in modules under {@code .hostrt/}, and the {@code config.json} the target writes.
 */
final class DeviceDirectory implements AutoCloseable {

    /** The stand-in modules shipped as class path resources under {@code hostrt/}. */
    static final List<String> HOSTRT = List.of("_uconform_bridge.py", "machine.py", "network.py", "esp32.py");
    static final Set<String> NOT_ON_DEVICE = Set.of("tests", "__pycache__", ".git", "README.md", "node_modules");

    private final Path root;

    private DeviceDirectory(Path root) {
        this.root = root;
    }

    static DeviceDirectory create(Path firmware) {
        try {
            Path root = io.uconform.cleanup.TempDirectories.create("uconform-host-");
            copyTree(firmware, root);
            Path hostrt = Files.createDirectories(root.resolve(".hostrt"));
            for (String name : HOSTRT) {
                try (InputStream in = DeviceDirectory.class.getResourceAsStream("/hostrt/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("hostrt/" + name + " is missing from the class path");
                    }
                    Files.copy(in, hostrt.resolve(name));
                }
            }
            return new DeviceDirectory(root);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the device directory: " + e.getMessage(), e);
        }
    }

    Path root() {
        return root;
    }

    Path hostrt() {
        return root.resolve(".hostrt");
    }

    void writeConfig(String json) {
        try {
            Files.writeString(root.resolve("config.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write config.json: " + e.getMessage(), e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(from) && NOT_ON_DEVICE.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!NOT_ON_DEVICE.contains(file.getFileName().toString())) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
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
