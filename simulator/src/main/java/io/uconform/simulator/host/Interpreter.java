package io.uconform.simulator.host;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The host interpreter the firmware runs on: the MicroPython unix port (preferred, with a
 * device-sized heap) or CPython 3. Immutable.
 *
 * @param name       {@code micropython} or {@code python3}
 * @param executable absolute path found on PATH
 */
public record Interpreter(String name, Path executable) {

    /** The interpreter the options ask for, when it is on PATH. */
    public static Optional<Interpreter> find(String wanted) {
        List<String> names = wanted.equals("auto") ? List.of("micropython", "python3") : List.of(wanted);
        for (String name : names) {
            Optional<Path> exe = onPath(name);
            if (exe.isPresent()) {
                return Optional.of(new Interpreter(name, exe.get()));
            }
        }
        return Optional.empty();
    }

    public boolean isMicroPython() {
        return name.equals("micropython");
    }

    /** The command line that runs {@code main.py} from the device directory. */
    public List<String> command(String heap) {
        return command(heap, "main.py");
    }

    /** The command line that runs {@code script} (relative to the device directory). */
    public List<String> command(String heap, String script) {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable.toString());
        if (isMicroPython()) {
            cmd.add("-X");
            cmd.add("heapsize=" + heap);
        } else {
            cmd.add("-u");  // unbuffered: console lines arrive as they are printed
        }
        cmd.add(script);
        return cmd;
    }

    static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
