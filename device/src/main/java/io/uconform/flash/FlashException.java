package io.uconform.flash;

/** Flashing failed; the message is one line for the user (what, where, and what to do). */
public class FlashException extends RuntimeException {

    public FlashException(String message) {
        super(message);
    }

    public FlashException(String message, Throwable cause) {
        super(message, cause);
    }
}
