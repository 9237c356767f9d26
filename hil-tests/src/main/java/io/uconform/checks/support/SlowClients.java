package io.uconform.checks.support;

import io.uconform.client.RawConnection;
import io.uconform.suite.CheckContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Helpers of the slow-client attack checks (LIM-07, LIM-08, LIM-09, ROB-04): a byte trickle
 * paced by the server's own silence, and the budget that bounds how long such a check may wait.
 */
public final class SlowClients {

    /** One byte per this, in every trickle. */
    public static final Duration PACE = Duration.ofMillis(100);
    /** The longest an attack check waits for a server's deadline (the hard check timeout is 30 s). */
    public static final Duration BUDGET = Duration.ofSeconds(20);

    private SlowClients() {
    }

    /** The deadline plus a margin for scheduling; aborts the check when that exceeds {@link #BUDGET}. */
    public static Duration waitFor(CheckContext ctx, Duration deadline, String limitName) {
        Duration half = deadline.dividedBy(2);
        Duration limit = deadline.plus(half.compareTo(Duration.ofSeconds(1)) > 0 ? half : Duration.ofSeconds(1));
        if (limit.compareTo(BUDGET) > 0) {
            Assumptions.abort("the profile's " + limitName + " of " + deadline.toMillis() + " ms needs a wait of "
                    + limit.toSeconds() + " s, over the attack checks' budget of " + BUDGET.toSeconds() + " s");
        }
        return limit;
    }

    /**
     * Sends one byte per {@link #PACE} until the server closes the connection (after any answer) or
     * {@code limit} passed; returns the milliseconds to the close, or -1 when it stayed open.
     */
    public static long trickleUntilClosed(RawConnection c, byte[] unit, Duration limit) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < limit.toNanos()) {
            if (c.closedByPeerWithin(PACE)) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            try {
                c.send(unit);
            } catch (AssertionError refused) {
                return (System.nanoTime() - start) / 1_000_000; // the server closed it: writing failed
            }
        }
        return -1;
    }

    public static void closeAll(List<? extends AutoCloseable> connections) {
        for (AutoCloseable c : connections) {
            try {
                c.close();
            } catch (Exception ignored) {
                // the check's verdict is decided; a failing close adds nothing
            }
        }
    }
}
