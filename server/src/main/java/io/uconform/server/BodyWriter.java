package io.uconform.server;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Streams a response body (see {@link Response#chunked}). The stream frames every {@code flush()}
 * as one HTTP chunk, so call {@code flush()} to push an event or a part to the client now; the
 * terminating zero chunk is written when the writer returns. Runs on the connection's thread and
 * may run as long as the client stays (SSE, multipart streams): an {@link IOException} from a
 * write means the client left, and it ends the connection quietly. Each single write is bounded
 * by {@link ServerLimits#writeTimeout()}. When the server closes, the connection's socket is closed
 * and its thread interrupted, so a writer waiting for events should wait interruptibly.
 *
 * <p>To an HTTP/1.0 client (which knows no chunked coding) the body is sent as is and the end of
 * the body is marked by closing the connection.
 */
@FunctionalInterface
public interface BodyWriter {
    void writeTo(OutputStream out) throws IOException;
}
