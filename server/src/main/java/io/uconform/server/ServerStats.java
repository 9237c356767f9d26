package io.uconform.server;

/**
 * Counters of a running server, for tests and reports.
 *
 * @param connectionsAccepted connections given a client slot
 * @param connectionsRejected connections answered 503 because every slot was taken (LIM-05)
 * @param connectionsEvicted idle keep-alive (or closing) connections closed to make room for a new client
 * @param requestsServed responses written for well-formed requests (any status)
 * @param requestsRejected malformed or over-limit requests answered with 4xx/5xx and closed
 * @param handlerErrors handler exceptions answered with 500 (CORE-04)
 * @param internalErrors unexpected engine exceptions (should stay 0: each is a bug)
 * @param unfinishedDropped connections dropped while still sending their request (the oldest such
 *                          request first) to make room for a new client when no slot was free or idle
 * @param idleConnections keep-alive connections waiting for their next request right now (a gauge)
 */
public record ServerStats(long connectionsAccepted, long connectionsRejected, long connectionsEvicted,
                          long requestsServed, long requestsRejected, long handlerErrors, long internalErrors,
                          long unfinishedDropped, long idleConnections) {
}
