package io.uconform.checks.support;

import static org.awaitility.Awaitility.await;

import io.uconform.client.HttpReply;
import io.uconform.suite.CheckContext;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Repeats a request while the target answers 503. Long-lived connections of an earlier check (event
 * streams, WebSocket sessions) hold client slots until the server notices they are gone, and a
 * device answers 503 meanwhile (LIM-05): a check that needs a slot waits for one, bounded.
 */
public final class BusyRetry {

    private BusyRetry() {
    }

    /** How long a client slot may take to free up after its client left. */
    public static Duration slotWait(CheckContext ctx) {
        return Waits.recoveryAfterIdleTimeout(ctx).plus(Duration.ofSeconds(5));
    }

    /** The first reply that is not 503, within {@link #slotWait}. */
    public static HttpReply untilNot503(CheckContext ctx, String what, Supplier<HttpReply> request) {
        HttpReply[] last = new HttpReply[1];
        await("[" + ctx.targetName() + "] " + what + " answered other than 503 (a free client slot)")
                .atMost(slotWait(ctx)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    last[0] = request.get();
                    return last[0].status() != 503;
                });
        return last[0];
    }
}
