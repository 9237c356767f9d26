package io.uconform.server.sse;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A named event stream: a broadcast to a capped set of subscribers (SSE-03, SSE-04). Thread-safe;
 * publishing never blocks on a subscriber.
 */
public final class EventStream {

    private final String name;
    private final int maxSubscribers;
    private final boolean newestOnly;
    private final List<Subscription> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong lastId = new AtomicLong();

    /** @param newestOnly the SSE-03 fault: a broadcast reaches only the newest subscriber */
    EventStream(String name, int maxSubscribers, boolean newestOnly) {
        this.name = name;
        this.maxSubscribers = maxSubscribers;
        this.newestOnly = newestOnly;
    }

    public String name() {
        return name;
    }

    /** A new subscription, or empty when the stream already has its maximum of subscribers. */
    public synchronized Optional<Subscription> subscribe() {
        if (subscribers.size() >= maxSubscribers) {
            return Optional.empty();
        }
        return Optional.of(subscribeBeyondCap());
    }

    /** A subscription regardless of the cap (the SSE-04 fault). */
    synchronized Subscription subscribeBeyondCap() {
        Subscription subscription = new Subscription(this);
        subscribers.add(subscription);
        return subscription;
    }

    /**
     * Sends an event to every current subscriber.
     *
     * @param data event data; line breaks make several {@code data:} lines
     * @return the event as sent (with its id)
     */
    public SseEvent publish(String event, String data) {
        SseEvent e = new SseEvent(event, lastId.incrementAndGet(), data);
        List<Subscription> targets = subscribers;
        if (newestOnly && !targets.isEmpty()) {
            targets = List.of(targets.get(targets.size() - 1));
        }
        for (Subscription s : targets) {
            s.offer(e);
        }
        return e;
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    void remove(Subscription subscription) {
        subscribers.remove(subscription);
    }
}
