package io.uconform.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A {@link Console} fed line by line (by a link reader or a process pump). Every line passes the
 * {@link SecretMask} before it is stored, so nothing downstream (reports, logs) can see a secret.
 */
public final class ConsoleCapture implements Console {

    static final ConsoleCapture EMPTY = new ConsoleCapture(SecretMask.none(), 0);

    private final SecretMask mask;
    private final int maxLines;
    private final List<ConsoleLine> lines = new ArrayList<>();
    private final List<java.util.function.Consumer<ConsoleLine>> listeners = new CopyOnWriteArrayList<>();

    /** @param maxLines lines kept (oldest dropped first); 0 keeps none */
    public ConsoleCapture(SecretMask mask, int maxLines) {
        this.mask = mask;
        this.maxLines = maxLines;
    }

    public ConsoleCapture(SecretMask mask) {
        this(mask, 20_000);
    }

    /** Appends one line (without its line terminator). */
    public void accept(String rawLine) {
        ConsoleLine line = new ConsoleLine(Instant.now(), mask.apply(rawLine));
        synchronized (lines) {
            if (maxLines == 0) {
                return;
            }
            if (lines.size() == maxLines) {
                lines.remove(0);
            }
            lines.add(line);
            lines.notifyAll();
        }
        listeners.forEach(l -> l.accept(line));
    }

    /** Called for every masked line from now on (e.g. to echo the console with progress). */
    public void onLine(java.util.function.Consumer<ConsoleLine> listener) {
        listeners.add(listener);
    }

    @Override
    public List<ConsoleLine> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public Optional<ConsoleLine> awaitLine(Pattern pattern, int fromLine, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int next = Math.max(0, fromLine);
        synchronized (lines) {
            while (true) {
                for (; next < lines.size(); next++) {
                    if (pattern.matcher(lines.get(next).text()).find()) {
                        return Optional.of(lines.get(next));
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                try {
                    lines.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }

    /** Number of lines captured so far; a mark for {@link #awaitLine}. */
    public int size() {
        synchronized (lines) {
            return lines.size();
        }
    }
}
