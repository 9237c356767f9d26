package io.uconform.spi;

/**
 * A target could not be created, started or reached. The message is one line meant for the user:
 * it names the target and what went wrong (and, where there is a console, carries its last lines
 * in {@link #details()}).
 */
public class TargetException extends RuntimeException {

    private final String details;

    public TargetException(String message) {
        this(message, "", null);
    }

    public TargetException(String message, Throwable cause) {
        this(message, "", cause);
    }

    public TargetException(String message, String details, Throwable cause) {
        super(message, cause);
        this.details = details == null ? "" : details;
    }

    /** Extra context for reports (last console lines, transcript); may be empty, never null. */
    public String details() {
        return details;
    }
}
