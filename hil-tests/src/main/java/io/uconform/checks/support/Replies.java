package io.uconform.checks.support;

import io.uconform.client.HttpReply;
import io.uconform.client.RawConnection;
import java.time.Duration;
import java.util.Optional;

/** Reading a response that may legitimately not come (a server allowed to make a client wait). */
public final class Replies {

    private Replies() {
    }

    /**
     * The response if a complete one arrives within {@code window}; empty when none does (the
     * client's own failure for "nothing complete arrived" is what a waiting server produces here).
     */
    public static Optional<HttpReply> within(RawConnection c, Duration window) {
        try {
            return Optional.of(c.readResponse(window));
        } catch (AssertionError nothingComplete) {
            return Optional.empty();
        }
    }
}
