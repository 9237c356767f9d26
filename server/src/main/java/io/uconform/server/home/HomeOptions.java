package io.uconform.server.home;

import java.time.Duration;

/**
 * How the home reporter posts (HOME-01).
 *
 * @param queueCapacity  events waiting to be posted; when full the oldest is dropped
 * @param maxAttempts    tries per event (1 = no retry)
 * @param firstBackoff   wait after the first failed try; doubled after each further failure
 * @param maxBackoff     cap of the doubled wait
 * @param requestTimeout connect and read timeout of one try
 */
public record HomeOptions(int queueCapacity, int maxAttempts, Duration firstBackoff, Duration maxBackoff,
                          Duration requestTimeout) {

    public HomeOptions {
        if (queueCapacity < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("queueCapacity and maxAttempts must be positive");
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0 || requestTimeout.isZero()
                || requestTimeout.isNegative()) {
            throw new IllegalArgumentException("backoffs must be 0 <= first <= max and the timeout positive");
        }
    }

    /** 32 queued events, 5 tries, 250 ms doubling up to 2 s, 1 s per try. */
    public static HomeOptions defaults() {
        return new HomeOptions(32, 5, Duration.ofMillis(250), Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    public HomeOptions withMaxAttempts(int attempts) {
        return new HomeOptions(queueCapacity, attempts, firstBackoff, maxBackoff, requestTimeout);
    }

    /** The wait after failed try number {@code attempt} (1-based). */
    Duration backoffAfter(int attempt) {
        long millis = firstBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
