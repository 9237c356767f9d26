package io.uconform.kind.renode.launch;

import java.util.ArrayDeque;
import java.util.Deque;

/** The last lines of Renode's log (bounded), shared between the reader thread and failure messages. */
final class LogTail {

    private static final int MAX = 40;
    private final Deque<String> lines = new ArrayDeque<>();

    synchronized void add(String line) {
        if (lines.size() == MAX) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    @Override
    public synchronized String toString() {
        return String.join("\n", lines);
    }
}
