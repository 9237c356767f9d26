package io.uconform.console;

import java.time.Instant;

/** One line a target printed, already masked, with when it was received. */
public record ConsoleLine(Instant at, String text) {

    @Override
    public String toString() {
        return at + " " + text;
    }
}
