package io.uconform.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * A connection handed over to application code after the response head was sent
 * (see {@link Response#upgrade}). The input includes any bytes the client sent after the request
 * head. Each write is bounded by {@link ServerLimits#writeTimeout()}; reads are bounded by
 * {@link #setReadTimeout} (default: the keep-alive idle timeout). The server closes the socket
 * when the takeover returns, and on {@link ReferenceServer#close()}.
 */
public interface TakenConnection {
    InputStream input();

    /** Buffered: call {@code flush()} to put written bytes on the wire. */
    OutputStream output();

    /** Bounds every later blocking read; a read that times out throws {@link java.net.SocketTimeoutException}. */
    void setReadTimeout(Duration timeout) throws IOException;

    /**
     * Bounds all reads, together, until {@link #clearReadDeadline()}: a read still waiting
     * {@code within} from now throws {@link java.net.SocketTimeoutException} (e.g. one WebSocket frame
     * must be complete within {@link ServerLimits#wsFrameTimeout()} of its first byte).
     */
    void setReadDeadline(Duration within);

    /** Back to the per-read timeout of {@link #setReadTimeout}. */
    void clearReadDeadline();

    /** The client's address as {@code host:port}. */
    String remoteAddress();

    /** The limits the server runs with (e.g. {@link ServerLimits#maxWsMessageBytes()}). */
    ServerLimits limits();
}
