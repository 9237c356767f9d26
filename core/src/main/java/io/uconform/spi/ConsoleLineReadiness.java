package io.uconform.spi;

import io.uconform.console.ConsoleLine;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link Readiness#consoleLine}: a console line matching a pattern; group 1, if any, the base URL. */
final class ConsoleLineReadiness implements Readiness {

    /** How often a wait looks whether the target is still alive. */
    private static final Duration SLICE = Duration.ofMillis(200);

    private final Pattern pattern;
    private final Duration timeout;

    ConsoleLineReadiness(Pattern pattern, Duration timeout) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Ready await(Subject subject) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw ReadinessFailure.of(subject, "no ready line matching '" + pattern.pattern() + "' within "
                        + ReadinessFailure.duration(timeout), null);
            }
            Optional<ConsoleLine> line = subject.console().awaitLine(pattern, subject.fromLine(),
                    Duration.ofNanos(Math.min(left, SLICE.toNanos())));
            if (line.isPresent()) {
                return new Ready(baseUri(subject, line.get()).or(subject::baseUri), line);
            }
            if (!subject.alive().getAsBoolean()) {
                throw ReadinessFailure.of(subject, "stopped before a ready line matching '" + pattern.pattern()
                        + "' was printed", null);
            }
        }
    }

    private Optional<URI> baseUri(Subject subject, ConsoleLine line) {
        Matcher m = pattern.matcher(line.text());
        if (!m.find() || m.groupCount() < 1 || m.group(1) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(m.group(1)));
        } catch (IllegalArgumentException e) {
            throw ReadinessFailure.of(subject, "the ready line's URL '" + m.group(1) + "' is not a URI", e);
        }
    }

    @Override
    public String awaited() {
        return "a console line matching '" + pattern.pattern() + "'";
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public Readiness withTimeout(Duration timeout) {
        return new ConsoleLineReadiness(pattern, timeout);
    }

    @Override
    public String toString() {
        return "Readiness.consoleLine(" + pattern.pattern() + ", " + ReadinessFailure.duration(timeout) + ")";
    }
}
