package io.uconform.server;

/** Invalid JSON text; the message names the problem and its character position. */
public class JsonException extends RuntimeException {
    private final int position;

    public JsonException(String message, int position) {
        super(message + " at position " + position);
        this.position = position;
    }

    /** Zero-based character offset where parsing failed. */
    public int position() {
        return position;
    }
}
