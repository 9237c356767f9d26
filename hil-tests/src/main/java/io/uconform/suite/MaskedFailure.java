package io.uconform.suite;

import java.util.function.UnaryOperator;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A check's exception with its messages passed through a mask. The original is kept when nothing
 * in its cause chain changes; else a replacement of the same kind (failure, abort) carries the
 * masked message, the masked messages of its causes, and the original stack trace.
 */
final class MaskedFailure {

    private MaskedFailure() {
    }

    static Throwable of(Throwable thrown, UnaryOperator<String> mask) {
        boolean changed = false;
        StringBuilder causes = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            String masked = message == null ? null : mask.apply(message);
            changed |= message != null && !message.equals(masked);
            if (t != thrown && masked != null) {
                causes.append("\ncaused by ").append(t.getClass().getName()).append(": ").append(masked);
            }
        }
        if (!changed) {
            return thrown;
        }
        String message = mask.apply(String.valueOf(thrown.getMessage()));
        Throwable replacement;
        if (thrown instanceof TestAbortedException) {
            replacement = new TestAbortedException(message);
        } else if (thrown instanceof AssertionError) {
            replacement = new AssertionFailedError(message + causes);
        } else {
            replacement = new AssertionFailedError(thrown.getClass().getSimpleName() + ": " + message + causes);
        }
        replacement.setStackTrace(thrown.getStackTrace());
        return replacement;
    }
}
