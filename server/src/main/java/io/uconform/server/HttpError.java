package io.uconform.server;

/** Thrown by a handler (or the engine) to answer with {@code status} and {@code {"error": message}}. */
public class HttpError extends RuntimeException {
    private final int status;

    public HttpError(int status, String message) {
        super(message);
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status out of range: " + status);
        }
        this.status = status;
    }

    public int status() {
        return status;
    }
}
