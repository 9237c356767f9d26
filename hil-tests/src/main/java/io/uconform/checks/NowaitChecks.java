package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.uconform.checks.support.Answers;
import io.uconform.checks.support.BoardRoutes;
import io.uconform.checks.support.Envelope;
import io.uconform.client.HttpReply;
import io.uconform.probe.BoardProbe;
import io.uconform.probe.PinReading;
import io.uconform.suite.Check;
import io.uconform.suite.RunsAlone;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import io.uconform.suite.Needs;
import org.junit.jupiter.api.Order;
import java.time.Duration;
import java.util.List;

/**
 * NOWAIT: a background route answers {@code {"data": null}} before its work is done; the work's
 * effect (the LED blinking) is watched on the board probe. Every check waits for the work to end
 * so that no blink leaks into the next check.
 */
@Needs(routes = "nowait", params = "ledPin")
@ConformanceChecks
@Order(ChecksOrder.BACKGROUND)
public class NowaitChecks {

    private static final int TIMES = 3;
    private static final int INTERVAL_MS = 60;

    @Check("NOWAIT-01")
    void answersNullBeforeTheWorkFinishes(CheckContext ctx) {
        Blink blink = Blink.start(ctx);
        assertThat(blink.reply.status()).as("status of POST %s", ctx.route("nowait")).isEqualTo(200);
        assertThat(Envelope.data(blink.reply).isNull()).as("answer of a background route: %s", blink.reply.text())
                .isTrue();
        assertThat(blink.changesAtReply).as("LED changes already made when the answer arrived (the work makes %d)",
                2 * TIMES).isLessThan(2 * TIMES);
        blink.awaitDone();
    }

    @Check("NOWAIT-01")
    void workTogglesTheLedLater(CheckContext ctx) {
        Blink blink = Blink.start(ctx);
        List<PinReading> changes = blink.awaitDone();
        assertThat(changes).as("LED changes of a %d-times blink", TIMES).hasSize(2 * TIMES);
        assertThat(changes.get(changes.size() - 1).value()).as("LED level after an even number of toggles")
                .isEqualTo(blink.initialLevel);
    }

    @Needs(routes = "index")
    @Check("NOWAIT-01")
    void otherRequestsAreServedWhileTheWorkRuns(CheckContext ctx) {
        Blink blink = Blink.start(ctx);
        HttpReply other = ctx.http().get(ctx.route("index"));
        int changesAtOther = blink.changesSoFar();
        Answers.expectStatus(ctx, other, "GET / during a background blink", 200);
        assertThat(changesAtOther).as("LED changes made when GET / was answered during the blink")
                .isLessThan(2 * TIMES);
        blink.awaitDone();
    }

    @Check("NOWAIT-01")
    @RunsAlone
    void workKeepsItsPace(CheckContext ctx) {
        Blink blink = Blink.start(ctx);
        List<PinReading> changes = blink.awaitDone();
        for (int i = 1; i < changes.size(); i++) {
            long gap = changes.get(i).atMillis() - changes.get(i - 1).atMillis();
            assertThat(gap).as("ms between toggle %d and %d (interval %d ms)", i, i + 1, INTERVAL_MS)
                    .isGreaterThanOrEqualTo(INTERVAL_MS * 8L / 10);
        }
    }

    /** One background blink: the reply, and the probe's view from a mark taken just before. */
    static final class Blink {
        final BoardProbe probe;
        final int led;
        final long mark;
        /** Changes stamped in the mark's own millisecond before the blink started. */
        final int already;
        final int initialLevel;
        final HttpReply reply;
        final int changesAtReply;

        private Blink(CheckContext ctx) {
            ctx.probe();
            led = BoardRoutes.pin(ctx, "ledPin");
            probe = ctx.probe(io.uconform.probe.ProbeAbility.TIMELINE, led);
            initialLevel = probe.read(led).value();
            mark = probe.nowMillis();
            already = probe.changes(led, mark).size();
            reply = ctx.http().sendJson("POST", ctx.route("nowait"),
                    "{\"times\":" + TIMES + ",\"interval_ms\":" + INTERVAL_MS + "}");
            changesAtReply = changesSoFar();
        }

        static Blink start(CheckContext ctx) {
            return new Blink(ctx);
        }

        int changesSoFar() {
            return probe.changes(led, mark).size() - already;
        }

        List<PinReading> awaitDone() {
            Duration budget = Duration.ofMillis(2L * TIMES * INTERVAL_MS).plusSeconds(2);
            await("LED toggled " + 2 * TIMES + " times on the probe").atMost(budget)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> changesSoFar() >= 2 * TIMES);
            List<PinReading> all = probe.changes(led, mark);
            return all.subList(already, all.size());
        }
    }
}
