package io.uconform.console;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Timestamped capture of everything a target prints (serial console, interpreter stdout).
 * Secrets registered with the capture are masked before a line is stored. Thread-safe.
 */
public interface Console {

    /** All lines captured so far, oldest first. */
    List<ConsoleLine> lines();

    /** The last {@code n} lines (fewer if fewer were printed). */
    default List<ConsoleLine> tail(int n) {
        List<ConsoleLine> all = lines();
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    /**
     * Waits for a line matching {@code pattern} printed after line index {@code fromLine};
     * empty on timeout. Blocks the caller at most {@code timeout}.
     */
    Optional<ConsoleLine> awaitLine(Pattern pattern, int fromLine, Duration timeout);

    /** A console for targets that print nowhere. */
    static Console none() {
        return ConsoleCapture.EMPTY;
    }
}
