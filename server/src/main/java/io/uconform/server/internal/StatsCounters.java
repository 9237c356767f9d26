package io.uconform.server.internal;

import io.uconform.server.ServerStats;
import java.util.concurrent.atomic.AtomicLong;

/** Live counters behind {@link ServerStats}. */
final class StatsCounters {
    final AtomicLong connectionsAccepted = new AtomicLong();
    final AtomicLong connectionsRejected = new AtomicLong();
    final AtomicLong connectionsEvicted = new AtomicLong();
    final AtomicLong unfinishedDropped = new AtomicLong();
    final AtomicLong requestsServed = new AtomicLong();
    final AtomicLong requestsRejected = new AtomicLong();
    final AtomicLong handlerErrors = new AtomicLong();
    final AtomicLong internalErrors = new AtomicLong();

    ServerStats snapshot(long idleConnections) {
        return new ServerStats(connectionsAccepted.get(), connectionsRejected.get(), connectionsEvicted.get(),
                requestsServed.get(), requestsRejected.get(), handlerErrors.get(), internalErrors.get(),
                unfinishedDropped.get(), idleConnections);
    }
}
