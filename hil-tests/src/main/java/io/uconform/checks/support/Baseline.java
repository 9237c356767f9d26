package io.uconform.checks.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.client.HttpReply;
import io.uconform.suite.CheckContext;
import java.time.Duration;

/**
 * What "answers {@code GET /} correctly" means for a robustness check: the same status and, for a
 * JSON index, the same routes as before the campaign (so it holds for any profile's index).
 */
public final class Baseline {

    private final HttpReply before;

    private Baseline(HttpReply before) {
        this.before = before;
    }

    public static Baseline of(CheckContext ctx) {
        HttpReply reply = Exchange.once(ctx, Requests.get(ctx, ctx.route("index")));
        assertThat(reply.status()).as("GET %s before the campaign", ctx.route("index")).isLessThan(500);
        return new Baseline(reply);
    }

    /** Asserts that {@code GET /} answers as before, allowing the target up to {@code settle} to catch up. */
    public void assertStillAnswers(CheckContext ctx, Duration settle) {
        AssertionError[] last = new AssertionError[1];
        try {
            org.awaitility.Awaitility.await("GET " + ctx.route("index") + " answering as before the campaign on "
                            + ctx.targetName()).atMost(settle).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        try {
                            assertSame(ctx, Exchange.once(ctx, Requests.get(ctx, ctx.route("index"))));
                            return true;
                        } catch (AssertionError e) {
                            last[0] = e;
                            return false;
                        }
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // the last try's one-line verdict, with how long the target had to recover
            String why = last[0] == null ? "no answer" : last[0].getMessage();
            throw new AssertionError("after the campaign, for " + settle.toMillis() + " ms: " + why, e);
        }
    }

    private void assertSame(CheckContext ctx, HttpReply after) {
        String what = "GET " + ctx.route("index") + " after the campaign";
        Answers.expectStatus(ctx, after, what + " (before it: " + before.status() + ")", before.status());
        boolean jsonIndex = before.header("Content-Type").map(ct -> ct.contains("json")).orElse(false)
                && before.json().path("data").path("routes").isArray();
        if (jsonIndex && !new java.util.HashSet<>(Index.routes(after)).equals(new java.util.HashSet<>(
                Index.routes(before)))) {
            throw Answers.failure(ctx, what, "the index lists " + Index.routes(after), "the routes it listed before: "
                    + Index.routes(before));
        }
    }
}
