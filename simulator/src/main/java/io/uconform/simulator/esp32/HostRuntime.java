package io.uconform.simulator.esp32;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The stand-in {@code machine}/{@code network}/{@code esp32} modules (class path resources under
 * {@code hostrt/}) copied to a directory outside the board's filesystem, so the virtual ESP32's
 * interpreter imports them the way a board finds its built-in modules; with them the board's view
 * of MicroPython's API: {@code os} on the unix port, {@code micropython} and
 * {@code _uconform_board} under CPython.
 */
public final class HostRuntime {

    static final List<String> MODULES = List.of("_uconform_bridge.py", "machine.py", "network.py", "esp32.py",
            "os.py", "micropython.py", "vfs.py", "_uconform_board.py");

    private HostRuntime() {
    }

    /** Copies the modules into {@code dir} (created if needed) and returns it. */
    public static Path extractTo(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String name : MODULES) {
                try (InputStream in = HostRuntime.class.getResourceAsStream("/hostrt/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("hostrt/" + name + " is missing from the class path");
                    }
                    Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the host runtime into " + dir + ": " + e.getMessage(), e);
        }
    }
}
