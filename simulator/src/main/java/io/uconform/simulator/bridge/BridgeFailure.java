package io.uconform.simulator.bridge;

/**
 * A request the bridge refuses. {@code kind} tells the Python side which exception to raise:
 * {@code value} -> ValueError (bad pin, bad argument, like MicroPython), {@code os} -> OSError.
 */
final class BridgeFailure extends RuntimeException {

    private final String kind;

    BridgeFailure(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    String kind() {
        return kind;
    }
}
