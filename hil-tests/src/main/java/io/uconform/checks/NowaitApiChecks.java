package io.uconform.checks;

import static org.awaitility.Awaitility.await;

import io.uconform.checks.support.Answers;
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
        String what = "GET " + ctx.route("nowait") + " (background work of at least " + work.workMs + " ms)";
        Answers.expectStatus(ctx, work.reply, what, 200);
        if (!Envelope.data(work.reply).isNull()) {
            throw new AssertionError(what + ": answered " + Answers.describe(work.reply) + ": "
                    + Answers.oneLine(work.reply.text()) + "; expected {\"data\": null} (" + ctx.requirement() + ")");
        }
        if (work.answeredMs >= work.workMs) {
            throw new AssertionError(what + ": answered after " + work.answeredMs + " ms, no sooner than its work "
                    + "takes: the answer waited for the work; expected it before the work ends (" + ctx.requirement()
                    + ")");
        }
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
        String what = "GET " + ctx.route("index") + " while the " + work.workMs + "-ms work of GET "
                + ctx.route("nowait") + " runs";
        Answers.expectStatusBetween(ctx, other, what, 100, 499);
        if (ms >= work.workMs) {
            throw new AssertionError(what + ": answered after " + ms + " ms; expected an answer before the work ends ("
                    + ctx.requirement() + ")");
        }
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
            Answers.expectStatus(ctx, reply, String.format("GET %s (body: %s)", ctx.route("nowait-state"), reply.text()), 200);
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
