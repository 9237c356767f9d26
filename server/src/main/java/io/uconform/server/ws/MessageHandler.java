package io.uconform.server.ws;

/**
 * Application side of a WebSocket session: turns one complete message into the reply to send
 * (or null for none). Called on the session's thread.
 */
@FunctionalInterface
public interface MessageHandler {

    /** @param text true for a text message (payload valid UTF-8), false for binary */
    Reply onMessage(boolean text, byte[] payload);

    /** A message to send back. */
    record Reply(boolean text, byte[] payload) {
    }
}
