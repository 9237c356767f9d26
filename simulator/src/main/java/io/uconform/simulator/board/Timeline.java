package io.uconform.simulator.board;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A bounded record of board events, oldest first: when full, the oldest event is dropped.
 * Thread-safe.
 */
public final class Timeline {

    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final ArrayDeque<BoardEvent> events;
    private long nextSeq;
    private long dropped;
    private final List<Runnable> appendListeners = new CopyOnWriteArrayList<>();

    public Timeline(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("timeline capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.events = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** Appends an event and returns it with its sequence number. */
    public synchronized BoardEvent append(int boot, long atMillis, BoardEvent.Kind kind, int pin, int value,
                                          String detail) {
        BoardEvent e = new BoardEvent(nextSeq++, boot, atMillis, kind, pin, value, detail);
        if (events.size() == capacity) {
            events.removeFirst();
            dropped++;
        }
        events.addLast(e);
        appendListeners.forEach(Runnable::run);
        return e;
    }

    /**
     * Calls {@code listener} after every append, on the appending thread and under the board's lock:
     * it must only take note (e.g. wake a waiting thread), never call back into the board.
     */
    public void onAppend(Runnable listener) {
        appendListeners.add(listener);
    }

    /** The sequence number the next event will get: every event held has a smaller one. */
    public synchronized long nextSeq() {
        return nextSeq;
    }

    /** Events of boot {@code boot} at or after {@code sinceMillis}, oldest first. */
    public List<BoardEvent> since(int boot, long sinceMillis) {
        return select(e -> e.boot() == boot && e.atMillis() >= sinceMillis);
    }

    /** Every event still held, oldest first. */
    public List<BoardEvent> all() {
        return select(e -> true);
    }

    public synchronized List<BoardEvent> select(Predicate<BoardEvent> filter) {
        List<BoardEvent> out = new ArrayList<>();
        for (BoardEvent e : events) {
            if (filter.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    public synchronized int size() {
        return events.size();
    }

    /** How many old events were dropped because the timeline was full. */
    public synchronized long dropped() {
        return dropped;
    }

    public int capacity() {
        return capacity;
    }
}
