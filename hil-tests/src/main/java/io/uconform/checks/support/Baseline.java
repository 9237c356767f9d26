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
        org.awaitility.Awaitility.await("GET " + ctx.route("index") + " answering as before the campaign on "
                        + ctx.targetName()).atMost(settle).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertSame(Exchange.once(ctx, Requests.get(ctx, ctx.route("index")))));
    }

    private void assertSame(HttpReply after) {
        assertThat(after.status()).as("GET / status after the campaign (before: %d; body: %s)", before.status(),
                after.text()).isEqualTo(before.status());
        boolean jsonIndex = before.header("Content-Type").map(ct -> ct.contains("json")).orElse(false)
                && before.json().path("data").path("routes").isArray();
        if (jsonIndex) {
            assertThat(Index.routes(after)).as("index routes after the campaign")
                    .containsExactlyInAnyOrderElementsOf(Index.routes(before));
        }
    }
}
