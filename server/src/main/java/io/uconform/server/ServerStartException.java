package io.uconform.server;

/** The server could not start; the message is one line fit for a user. */
public class ServerStartException extends RuntimeException {
    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
