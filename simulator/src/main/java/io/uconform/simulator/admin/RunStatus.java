package io.uconform.simulator.admin;

import java.util.List;
import java.util.Objects;

/**
 * What runs on a board, as the board page's banner shows it. Immutable.
 *
 * @param state       {@code running}, {@code starting}, {@code restarting}, {@code crashed},
 *                    {@code exited} or {@code stopped}
 * @param headline    one line, e.g. {@code main.py running on micropython}
 * @param detail      the lines that explain a crash (the traceback), else empty
 * @param interpreter what runs the code, e.g. {@code JVM reference server} or {@code python3}
 * @param restarts    how many times the app was restarted (saves, resets, reboots) since the start
 */
public record RunStatus(String state, String headline, List<String> detail, String interpreter, int restarts) {

    public RunStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(headline, "headline");
        detail = List.copyOf(detail);
        Objects.requireNonNull(interpreter, "interpreter");
    }

    /** A server that runs inside this JVM for as long as the device exists. */
    public static RunStatus inProcess(String interpreter) {
        return new RunStatus("running", "the " + interpreter + " serves the board API", List.of(), interpreter, 0);
    }
}
