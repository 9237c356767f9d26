package io.uconform.spi;

import io.uconform.console.ConsoleLine;
import io.uconform.console.VisibleText;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The one-line failures of {@link Readiness}: what was awaited, and the last console lines. */
final class ReadinessFailure {

    /** Console lines quoted in the one-line message; {@link TargetException#details()} carries more. */
    static final int QUOTED_LINES = 3;
    static final int DETAIL_LINES = 20;

    private ReadinessFailure() {
    }

    static TargetException of(Readiness.Subject subject, String problem, Throwable cause) {
        List<ConsoleLine> tail = subject.console().tail(DETAIL_LINES);
        String quoted = tail.subList(Math.max(0, tail.size() - QUOTED_LINES), tail.size()).stream()
                .map(l -> VisibleText.oneLine(l.text())).collect(Collectors.joining(" | "));
        String message = subject.name() + ": " + problem
                + (tail.isEmpty() ? "" : "; last console lines: " + quoted);
        return new TargetException(message, tail.stream().map(ConsoleLine::text).collect(Collectors.joining("\n")), cause);
    }

    /** {@code 10 s}, or {@code 250 ms} below a second or for a fraction. */
    static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
