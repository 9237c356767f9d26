package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.uconform.checks.support.Envelope;
import io.uconform.checks.support.Waits;
import io.uconform.client.HttpReply;
import io.uconform.suite.Check;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import io.uconform.suite.Needs;
import java.time.Duration;
import org.junit.jupiter.api.Order;

/**
 * NOWAIT through the server's own answers, for targets without a board probe ({@code url}): the
 * {@code nowait} route (called with GET) starts work that takes at least {@code nowaitWorkMs} and
 * whose effect changes the answer of the {@code nowait-state} route every time it runs (a counter,
 * a toggle). The route must answer {@code {"data": null}} sooner than its work takes, and the
 * effect must show on the state route afterwards.
 */
@Needs(routes = {"nowait", "nowait-state"}, params = "nowaitWorkMs")
@ConformanceChecks
@Order(ChecksOrder.BACKGROUND)
public class NowaitApiChecks {

    @Check("NOWAIT-01")
    void answersNullSoonerThanItsWorkTakes(CheckContext ctx) {
        Work work = Work.start(ctx);
        assertThat(work.reply.status()).as("GET %s status (body: %s)", ctx.route("nowait"), work.reply.text())
                .isEqualTo(200);
        assertThat(Envelope.data(work.reply).isNull()).as("answer of a background route: %s", work.reply.text())
                .isTrue();
        assertThat(work.answeredMs).as("ms until GET %s answered; its work takes at least %d ms, so an answer that "
                + "late waited for the work", ctx.route("nowait"), work.workMs).isLessThan(work.workMs);
        work.awaitEffect();
    }

    @Check("NOWAIT-01")
    void effectShowsLaterOnTheStateRoute(CheckContext ctx) {
        Work work = Work.start(ctx);
        String after = work.awaitEffect();
        ctx.note("GET " + ctx.route("nowait-state") + " before: " + work.before + "; after the work: " + after);
    }

    @Needs(routes = "index")
    @Check("NOWAIT-01")
    void otherRequestsAreServedWhileTheWorkRuns(CheckContext ctx) {
        Work work = Work.start(ctx);
        long start = System.nanoTime();
        HttpReply other = ctx.http().get(ctx.route("index"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(other.status()).as("GET %s during the background work", ctx.route("index")).isLessThan(500);
        assertThat(ms).as("ms to answer GET %s while a %d-ms background work runs", ctx.route("index"), work.workMs)
                .isLessThan(work.workMs);
        work.awaitEffect();
    }

    /** One call of the background route: the state before, the answer and how long it took. */
    static final class Work {
        final CheckContext ctx;
        final long workMs;
        final String before;
        final HttpReply reply;
        final long answeredMs;

        private Work(CheckContext ctx) {
            this.ctx = ctx;
            this.workMs = workMs(ctx);
            this.before = state(ctx);
            long start = System.nanoTime();
            this.reply = ctx.http().get(ctx.route("nowait"));
            this.answeredMs = (System.nanoTime() - start) / 1_000_000;
        }

        static Work start(CheckContext ctx) {
            return new Work(ctx);
        }

        /** Waits until the state route answers otherwise than before the call; returns its new answer. */
        String awaitEffect() {
            String[] last = {before};
            await("GET " + ctx.route("nowait-state") + " answering otherwise than before GET " + ctx.route("nowait")
                    + " (" + before + ")").atMost(Duration.ofMillis(3 * workMs).plus(Waits.reply(ctx)))
                    .pollInterval(Duration.ofMillis(Math.max(10, workMs / 10)))
                    .until(() -> !(last[0] = state(ctx)).equals(before));
            return last[0];
        }

        private static String state(CheckContext ctx) {
            HttpReply reply = ctx.http().get(ctx.route("nowait-state"));
            assertThat(reply.status()).as("GET %s (body: %s)", ctx.route("nowait-state"), reply.text()).isEqualTo(200);
            return reply.text();
        }

        private static long workMs(CheckContext ctx) {
            String value = ctx.param("nowaitWorkMs");
            try {
                long ms = Long.parseLong(value.trim());
                if (ms > 0) {
                    return ms;
                }
            } catch (NumberFormatException e) {
                // the message below says what is wrong
            }
            throw new AssertionError("profile parameter 'nowaitWorkMs' is not a positive number of milliseconds: "
                    + value);
        }
    }
}
