package io.uconform.spi;

import java.util.Objects;

/** Whether a target kind can run here; when not, the reason a skipped check reports. */
public record Availability(boolean isAvailable, String reason) {

    public Availability {
        Objects.requireNonNull(reason, "reason");
    }

    public static Availability available() {
        return new Availability(true, "available");
    }

    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
