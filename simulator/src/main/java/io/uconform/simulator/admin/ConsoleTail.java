package io.uconform.simulator.admin;

import io.uconform.console.ConsoleLine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last lines of a device's console, numbered from 0 in the order printed, for the board page:
 * a client that has seen line n asks for what came after it. Thread-safe; bounded.
 */
final class ConsoleTail {

    /** One numbered console line (already masked by the console). */
    record Numbered(long n, ConsoleLine line) {
    }

    private final int capacity;
    private final ArrayDeque<Numbered> lines;
    private long next;

    ConsoleTail(int capacity) {
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(Math.min(capacity, 256));
    }

    synchronized void add(ConsoleLine line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(new Numbered(next++, line));
    }

    /** The number the next line will get. */
    synchronized long next() {
        return next;
    }

    /** Lines numbered {@code from} or later, at most the last {@code max} of them, oldest first. */
    synchronized List<Numbered> since(long from, int max) {
        List<Numbered> out = new ArrayList<>();
        for (Numbered l : lines) {
            if (l.n() >= from) {
                out.add(l);
            }
        }
        return out.size() <= max ? out : new ArrayList<>(out.subList(out.size() - max, out.size()));
    }
}
