package io.uconform.server;

/**
 * Application code behind a route.
 *
 * <p>A returned {@link Response} is sent as is; any other value {@code v} (null included) becomes
 * {@code 200 {"data": v}}. Throw {@link HttpError} for a chosen status with {@code {"error": message}};
 * any other exception becomes a 500 and the server keeps serving (CORE-04).
 *
 * <p>Handlers run on the connection's thread (or a background thread for NOWAIT routes) and may
 * block, but a blocked handler holds one of the server's client slots.
 */
@FunctionalInterface
public interface Handler {
    Object handle(Request request) throws Exception;
}
