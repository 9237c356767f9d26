package io.uconform.client;

import java.time.Duration;

/**
 * One raw TCP connection. Every read is bounded by a timeout; bytes sent and received are recorded
 * in the check's transcript. Response parsing is tolerant (header names in any case, whitespace
 * around values, bodies by Content-Length, chunked, or connection close).
 */
public interface RawConnection extends AutoCloseable {

    /** Sends bytes as they are (ISO-8859-1 for the String form). */
    RawConnection send(byte[] bytes);

    RawConnection send(String text);

    /**
     * Reads one response (head and body; a HEAD request's response has no body: pass
     * {@code headRequest = true}). Fails the check when nothing complete arrives within the timeout.
     */
    HttpReply readResponse(Duration timeout, boolean headRequest);

    default HttpReply readResponse(Duration timeout) {
        return readResponse(timeout, false);
    }

    /**
     * True when the peer closed the connection (EOF or reset) within {@code timeout}, after any bytes
     * still in flight; false when it is still open at the deadline. Bytes read meanwhile are recorded.
     */
    boolean closedByPeerWithin(Duration timeout);

    /** Half-closes or aborts: {@code reset = true} sends a TCP RST (SO_LINGER 0). */
    void close(boolean reset);

    @Override
    default void close() {
        close(false);
    }
}
