package io.uconform.repl;

/**
 * What a snippet printed: {@code stdout}, and {@code error} (the traceback; empty on success).
 * Both with the board's {@code \r\n} line ends.
 */
public record ExecResult(String stdout, String error) {

    public boolean failed() {
        return !error.isEmpty();
    }

    /** The last line of the traceback, e.g. {@code OSError: [Errno 2] ENOENT}; empty on success. */
    public String exceptionLine() {
        String[] lines = error.strip().split("\r?\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
