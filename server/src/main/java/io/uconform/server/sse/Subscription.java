package io.uconform.server.sse;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One subscriber's bounded queue of events. A subscriber that falls {@link #CAPACITY} events behind
 * is cut off (its queue stops accepting), so a slow or dead client never holds up a publisher.
 * Thread-safe: publishers offer, the subscriber's connection thread takes.
 */
public final class Subscription implements AutoCloseable {

    /** Events a subscriber may fall behind before it is dropped. */
    public static final int CAPACITY = 256;

    private final BlockingQueue<SseEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final EventStream stream;
    private volatile boolean open = true;

    Subscription(EventStream stream) {
        this.stream = stream;
    }

    /** Queues an event; false (and the subscription ends) when the subscriber is too far behind. */
    boolean offer(SseEvent event) {
        if (!open) {
            return false;
        }
        if (!queue.offer(event)) {
            close();
            return false;
        }
        return true;
    }

    /** The next event, waiting at most {@code timeout}; empty on timeout or once closed and drained. */
    public Optional<SseEvent> next(Duration timeout) throws InterruptedException {
        SseEvent event = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return Optional.ofNullable(event);
    }

    public boolean isOpen() {
        return open;
    }

    /** Leaves the stream and frees the subscriber slot. Idempotent. */
    @Override
    public void close() {
        open = false;
        stream.remove(this);
    }
}
