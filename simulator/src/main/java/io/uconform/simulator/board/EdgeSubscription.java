package io.uconform.simulator.board;

/** A registered edge listener; {@link #close()} unregisters it (idempotent). */
public interface EdgeSubscription extends AutoCloseable {

    @Override
    void close();
}
