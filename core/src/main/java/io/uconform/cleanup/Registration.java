package io.uconform.cleanup;

/** Undoes a registration with {@link Cleanup}; idempotent. */
@FunctionalInterface
public interface Registration extends AutoCloseable {

    @Override
    void close();
}
