package io.uconform.probe;

/** A probe could not observe or drive a pin (the route failed, timed out or answered nonsense). */
public class ProbeException extends RuntimeException {

    public ProbeException(String message) {
        super(message);
    }

    public ProbeException(String message, Throwable cause) {
        super(message, cause);
    }
}
