package io.uconform.spi;

import io.uconform.console.Console;
import io.uconform.console.ConsoleLine;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * What a target waits for before the suite may use it, in the spirit of Testcontainers' wait
 * strategies: {@link #http(String)} (a {@code GET} answered), {@link #consoleLine(String)} (a line
 * on the console, group 1 the base URL), {@link #allOf(Readiness...)} (one after the other), each
 * with a timeout ({@link #withTimeout(Duration)}). A failure is a {@link TargetException} whose one
 * line names the target, what was awaited and the last console lines (the last 20 in
 * {@link TargetException#details()}). Immutable.
 */
public interface Readiness {

    /**
     * Waits until ready or the timeout passes.
     *
     * @return what was found: the base URI a console line announced (else the subject's), the line
     * @throws TargetException one line naming what was awaited and the last console lines
     */
    Ready await(Subject subject);

    /** What is awaited, for messages, e.g. {@code GET / answered 200}. */
    String awaited();

    Duration timeout();

    /** The same readiness with another timeout. */
    Readiness withTimeout(Duration timeout);

    /** A {@code GET path} on the subject's base URI answered with status 200 (see {@link HttpReadiness}); 10 s. */
    static HttpReadiness http(String path) {
        return new HttpReadiness(path, HttpReadiness.Expect.OK, Duration.ofSeconds(10));
    }

    /** A console line matching {@code regex} after the subject's mark; group 1, if any, is the base URL; 30 s. */
    static Readiness consoleLine(String regex) {
        return consoleLine(Pattern.compile(regex));
    }

    static Readiness consoleLine(Pattern pattern) {
        return new ConsoleLineReadiness(pattern, Duration.ofSeconds(30));
    }

    /**
     * Each in turn, the base URI one finds handed to the next (a console line announcing the URL,
     * then a {@code GET} on it). The timeout bounds the whole: by default the sum of the steps'.
     */
    static Readiness allOf(Readiness... steps) {
        List<Readiness> list = List.of(steps);
        return new AllOfReadiness(list, list.stream().map(Readiness::timeout).reduce(Duration.ZERO, Duration::plus));
    }

    /**
     * What is awaited on: the target's name (for messages), its base URI where known before, its
     * console with the line index to read from, and whether it is still alive (a process that
     * exited will never be ready).
     */
    record Subject(String name, Optional<URI> baseUri, Console console, int fromLine, BooleanSupplier alive) {

        public Subject {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(baseUri, "baseUri");
            Objects.requireNonNull(console, "console");
            Objects.requireNonNull(alive, "alive");
        }

        /** A server at a known URI, with no console of its own. */
        public static Subject at(String name, URI baseUri) {
            return new Subject(name, Optional.of(baseUri), Console.none(), 0, () -> true);
        }

        /** A target whose console announces it, read from line {@code fromLine} on. */
        public static Subject console(String name, Console console, int fromLine, BooleanSupplier alive) {
            return new Subject(name, Optional.empty(), console, fromLine, alive);
        }

        /** The same subject with a console to quote in failures (and to read lines from). */
        public Subject withConsole(Console console, int fromLine) {
            return new Subject(name, baseUri, console, fromLine, alive);
        }

        Subject withBase(URI base) {
            return new Subject(name, Optional.of(base), console, fromLine, alive);
        }
    }

    /** What readiness found: the base URI, and the console line that announced it, if any. */
    record Ready(Optional<URI> baseUri, Optional<ConsoleLine> line) {

        public Ready {
            Objects.requireNonNull(baseUri, "baseUri");
            Objects.requireNonNull(line, "line");
        }

        /** The base URI, or a {@link TargetException} saying none was found. */
        public URI requireBaseUri(String name) {
            return baseUri.orElseThrow(() -> new TargetException(name + ": ready, but no base URL was found"));
        }
    }
}
