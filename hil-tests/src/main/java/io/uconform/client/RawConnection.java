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
     * Reads exactly {@code n} bytes (a WebSocket frame, a part of a streamed body after its head).
     * Fails the check when they do not arrive within {@code timeout} or the peer closes first.
     */
    default byte[] readBytes(int n, Duration timeout) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot read raw bytes");
    }

    /**
     * Reads one line ended by LF (a CR before it is dropped), as ISO-8859-1 text, at most
     * {@code maxBytes} long. Fails the check on timeout, end of stream or an over-long line.
     */
    default String readLine(Duration timeout, int maxBytes) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot read raw lines");
    }

    /**
     * True when the peer closed the connection (EOF or reset) within {@code timeout}, after any bytes
     * still in flight; false when it is still open at the deadline. Bytes read meanwhile are recorded.
     */
    boolean closedByPeerWithin(Duration timeout);

    /**
     * Like {@link #closedByPeerWithin}, but keeps what arrived meanwhile: waits until the peer
     * closes or {@code timeout} passes and says which, with the bytes received.
     */
    default PeerEnd awaitPeerEnd(Duration timeout) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot keep the bytes before a close");
    }

    /** The local socket address of this connection (its port names it in the kernel's tables). */
    default java.net.InetSocketAddress localAddress() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no local address");
    }

    /** Half-closes or aborts: {@code reset = true} sends a TCP RST (SO_LINGER 0). */
    void close(boolean reset);

    @Override
    default void close() {
        close(false);
    }
}
