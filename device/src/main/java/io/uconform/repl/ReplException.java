package io.uconform.repl;

/** The REPL could not be reached, or code run on the board failed; the message is one line. */
public class ReplException extends RuntimeException {

    public ReplException(String message) {
        super(message);
    }

    public ReplException(String message, Throwable cause) {
        super(message, cause);
    }
}
