package io.uconform.server.internal;

/** A request the engine rejects before any handler runs; always answered and then closed. */
public final class ProtocolError extends Exception {
    private final int status;

    public ProtocolError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
