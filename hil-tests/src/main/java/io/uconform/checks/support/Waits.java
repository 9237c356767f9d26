package io.uconform.checks.support;

import io.uconform.suite.CheckContext;
import java.time.Duration;

/**
 * Bounds for waiting on a target, derived from its effective limits so that the suite stays fast
 * on {@code sim} (short timers) and fair on a device (the profile's timers).
 */
public final class Waits {

    // a loopback target answers in milliseconds; the slack is for a loaded 2-core CI runner (two timeouts at 2 s seen there)
    private static final Duration MIN_REPLY = Duration.ofSeconds(5);

    private Waits() {
    }

    /** How long a complete response may take. */
    public static Duration reply(CheckContext ctx) {
        Duration header = ctx.limits().headerTimeout();
        return header.compareTo(MIN_REPLY) > 0 ? header : MIN_REPLY;
    }

    /**
     * How long the server may take to close a connection it has decided to close: at most half the
     * keep-alive idle timeout, so that an idle close cannot pass for a close after the response.
     */
    public static Duration close(CheckContext ctx) {
        Duration halfIdle = ctx.limits().keepAliveIdle().dividedBy(2);
        return halfIdle.compareTo(reply(ctx)) < 0 ? halfIdle : reply(ctx);
    }

    /** The header timeout plus a margin for scheduling: the latest a slow client may be dropped. */
    public static Duration afterHeaderTimeout(CheckContext ctx) {
        return withMargin(ctx.limits().headerTimeout());
    }

    /** The keep-alive idle timeout plus a margin. */
    public static Duration afterIdleTimeout(CheckContext ctx) {
        return withMargin(ctx.limits().keepAliveIdle());
    }

    /**
     * How long a server may take to answer again after abuse or to free the slots of clients that
     * left: the effective header timeout plus a margin. It bounds a wait and judges no limit, so a
     * check using it needs no {@code headerTimeoutMs} (without one, the reference's 5 s is waited).
     */
    public static Duration recoveryAfterHeaderTimeout(CheckContext ctx) {
        return withMargin(ctx.limits().headerTimeout());
    }

    /** Like {@link #recoveryAfterHeaderTimeout}, for what only the idle timeout ends (a vanished long-lived client). */
    public static Duration recoveryAfterIdleTimeout(CheckContext ctx) {
        return withMargin(ctx.limits().keepAliveIdle());
    }

    /** A bounded window in which a server that will answer at once has answered. */
    public static Duration prompt() {
        return Duration.ofMillis(500);
    }

    private static Duration withMargin(Duration d) {
        Duration half = d.dividedBy(2);
        return d.plus(half.compareTo(Duration.ofSeconds(1)) > 0 ? half : Duration.ofSeconds(1));
    }
}
