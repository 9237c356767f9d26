package io.uconform.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The runnable example apps under {@code examples/} of the checkout, copied where a test may edit them. */
public final class ExampleApps {

    private ExampleApps() {
    }

    /** {@code examples/button-app}, found from the working directory up (the Maven build runs in a module). */
    public static Path buttonApp() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples").resolve("button-app");
            if (Files.isRegularFile(candidate.resolve("main.py"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("examples/button-app not found above " + Path.of("").toAbsolutePath());
    }

    /** A copy of the button app in {@code dir}/button-app. */
    public static Path copyOfButtonApp(Path dir) {
        Path from = buttonApp();
        Path to = dir.resolve("button-app");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }
}
