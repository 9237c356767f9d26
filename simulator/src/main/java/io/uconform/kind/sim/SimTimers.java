package io.uconform.kind.sim;

import io.uconform.profile.Limits;
import java.time.Duration;
import java.util.Locale;

/** Timer policy of the {@code sim} target. */
public enum SimTimers {
    /**
     * Header timeout 1 s, keep-alive idle 2 s, body deadline 2 s, WebSocket frame deadline 1 s: the
     * suite's timer checks finish quickly.
     */
    FAST {
        @Override
        Limits apply(Limits limits) {
            return limits.withHeaderTimeout(Duration.ofSeconds(1)).withKeepAliveIdle(Duration.ofSeconds(2))
                    .withBodyTimeout(Duration.ofSeconds(2)).withWsFrameTimeout(Duration.ofSeconds(1));
        }
    },
    /** The profile's own timers. */
    DEVICE {
        @Override
        Limits apply(Limits limits) {
            return limits;
        }
    };

    abstract Limits apply(Limits limits);

    static SimTimers parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("timers must be 'fast' or 'device', not '" + text + "'");
        }
    }
}
