package io.uconform.server.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Frees a client slot for a newcomer when all are taken, without waiting: drops a connection that
 * is closing, else the one idle the longest between keep-alive requests (as an LRU socket pool
 * would), else the one whose unfinished request (head or body still arriving) started the longest
 * ago: a slow client holds its slot only until someone needs it. A request younger than the grace
 * (a tenth of the header timeout, at most 100 ms) is not slow yet: it stays, and the newcomer gets
 * its 503 instead, so that a burst of new clients cannot drop requests that are arriving at full
 * speed. Connections whose request is being handled (and WebSocket or event-stream sessions) are
 * never dropped.
 */
final class SlotReclaimer {

    private static final long MAX_GRACE_NANOS = 100_000_000L;

    private final StatsCounters stats;
    private final boolean dropUnfinished;
    private final long graceNanos;

    /** @param dropUnfinished false for fault NO_UNFINISHED_EVICTION: only idle and closing connections go */
    SlotReclaimer(StatsCounters stats, boolean dropUnfinished, java.time.Duration headerTimeout) {
        this.stats = stats;
        this.dropUnfinished = dropUnfinished;
        this.graceNanos = Math.min(MAX_GRACE_NANOS, headerTimeout.toNanos() / 10);
    }

    /** The age below which an unfinished request is not dropped. */
    java.time.Duration grace() {
        return java.time.Duration.ofNanos(graceNanos);
    }

    /**
     * Evicts one connection and hands its slot over through {@code takeOver} (false when the
     * connection ended by itself meanwhile and freed its slot the ordinary way).
     *
     * @return what became of the newcomer's slot; one connection at most is dropped per newcomer
     */
    Reclaimed reclaim(Collection<ConnectionWorker> workers, Predicate<ConnectionWorker> takeOver) {
        List<ConnectionWorker> snapshot = List.copyOf(workers);
        Reclaimed closing = evictFirst(snapshot, ConnectionWorker.Phase.CLOSING,
                Comparator.comparingLong(ConnectionWorker::idleSince), takeOver, stats.connectionsEvicted);
        if (closing != Reclaimed.NOTHING) {
            return closing;
        }
        Reclaimed idle = evictFirst(snapshot, ConnectionWorker.Phase.IDLE,
                Comparator.comparingLong(ConnectionWorker::idleSince), takeOver, stats.connectionsEvicted);
        if (idle != Reclaimed.NOTHING) {
            return idle;
        }
        if (!dropUnfinished) {
            return Reclaimed.NOTHING;
        }
        long now = System.nanoTime();
        List<ConnectionWorker> slow = snapshot.stream().filter(w -> now - w.requestStartedAt() >= graceNanos).toList();
        return evictFirst(slow, ConnectionWorker.Phase.RECEIVING,
                Comparator.comparingLong(ConnectionWorker::requestStartedAt), takeOver, stats.unfinishedDropped);
    }

    /** What one reclaim did. */
    enum Reclaimed {
        /** nothing could be dropped */
        NOTHING,
        /** a connection was dropped and the newcomer holds its slot */
        TAKEN_OVER,
        /** a connection was dropped but ended by itself first: its slot is being released the ordinary way */
        RELEASED
    }

    private static Reclaimed evictFirst(List<ConnectionWorker> workers, ConnectionWorker.Phase phase,
                                      Comparator<ConnectionWorker> order, Predicate<ConnectionWorker> takeOver,
                                      java.util.concurrent.atomic.AtomicLong counter) {
        List<ConnectionWorker> candidates = workers.stream().filter(w -> w.phase() == phase).sorted(order).toList();
        for (ConnectionWorker candidate : candidates) {
            if (candidate.tryEvict(phase)) {
                counter.incrementAndGet();
                // when it ended first it released its slot: the caller takes that one, and nobody else goes
                return takeOver.test(candidate) ? Reclaimed.TAKEN_OVER : Reclaimed.RELEASED;
            }
        }
        return Reclaimed.NOTHING;
    }
}
