package io.uconform.client;

/**
 * No complete response arrived: the peer closed, reset, sent what is not HTTP, or nothing in time.
 * An {@link AssertionError} (a check that meets it fails), with what happened in protocol words
 * ({@link #happened()}) for checks that say what they expected.
 */
public final class NoResponse extends AssertionError {

    /** How the response failed to come. */
    public enum Kind { CLOSED, RESET, TIMEOUT, GARBLED }

    private final Kind kind;
    private final int received;
    private final String start;
    private final long waitedMs;

    NoResponse(String message, Kind kind, int received, String start, long waitedMs, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.received = received;
        this.start = start;
        this.waitedMs = waitedMs;
    }

    public Kind kind() {
        return kind;
    }

    /** E.g. "the server reset the connection (RST) after sending 0 bytes". */
    public String happened() {
        String got = received == 0 ? "nothing" : received + " bytes ('" + start + "')";
        switch (kind) {
            case CLOSED:
                return "the server closed the connection after sending " + got + ", no complete response";
            case RESET:
                return "the server reset the connection (RST) after sending " + got;
            case TIMEOUT:
                return "no complete response within " + waitedMs + " ms (received " + got + ")";
            default:
                return "the server sent " + got + ", which is not an HTTP response";
        }
    }
}
