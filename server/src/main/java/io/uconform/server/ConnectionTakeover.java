package io.uconform.server;

import java.io.IOException;

/**
 * Takes over the raw connection after the response head (typically {@code 101 Switching Protocols})
 * was written, e.g. for a WebSocket session. Runs on the connection's thread; when it returns or
 * throws, the connection is closed.
 */
@FunctionalInterface
public interface ConnectionTakeover {
    void run(TakenConnection connection) throws IOException;
}
