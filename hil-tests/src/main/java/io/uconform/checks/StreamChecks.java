package io.uconform.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.checks.support.Baseline;
import io.uconform.checks.support.MultipartPart;
import io.uconform.checks.support.MultipartReader;
import io.uconform.checks.support.Waits;
import io.uconform.client.Json;
import io.uconform.suite.Check;
import io.uconform.suite.CountsConnections;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;
import io.uconform.suite.Needs;
import java.util.ArrayList;
import java.util.List;

/**
 * STREAM: a {@code multipart/x-mixed-replace} stream (the profile's {@code stream} role) sends well-formed parts while the client stays, and lets go when it leaves.
 */
@Needs(routes = "stream")
@ConformanceChecks
public class StreamChecks {

    @Check("STREAM-01")
    void partsAreDelimitedByTheDeclaredBoundary(CheckContext ctx) {
        MultipartReader stream = MultipartReader.open(ctx, path(ctx));
        for (int i = 0; i < 3; i++) {
            MultipartPart part = stream.next(Waits.reply(ctx));
            assertThat(part.body()).as("body of part %d", i + 1).isNotEmpty();
        }
        ctx.note("boundary '" + stream.boundary() + "': 3 parts well-formed");
    }

    @Check("STREAM-01")
    void partsKeepComingWithTheirOwnContentType(CheckContext ctx) {
        MultipartReader stream = MultipartReader.open(ctx, path(ctx));
        List<String> types = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            MultipartPart part = stream.next(Waits.reply(ctx));
            types.add(part.headers().get("content-type"));
            if (part.headers().get("content-type").contains("json")) {
                Json.parse(part.text());
            }
        }
        assertThat(types).as("Content-Type of 8 consecutive parts").hasSize(8).allMatch(t -> !t.isBlank());
    }

    @Check("STREAM-01")
    void streamIsFramedAsAnEndlessBody(CheckContext ctx) {
        MultipartReader stream = MultipartReader.open(ctx, path(ctx));
        assertThat(stream.head().header("content-length")).as("Content-Length of an endless stream").isEmpty();
        stream.next(Waits.reply(ctx));
    }

    @Needs(routes = "index", limits = "maxClients")
    @Check("STREAM-01")
    @CountsConnections
    void leavingClientsFreeTheServer(CheckContext ctx) {
        Baseline baseline = Baseline.of(ctx);
        int rounds = (int) ctx.limit("maxClients") + 2;
        for (int i = 0; i < rounds; i++) {
            MultipartReader stream = MultipartReader.open(ctx, path(ctx));
            stream.next(Waits.reply(ctx));
            stream.leave();
        }
        ctx.note(rounds + " streams opened and left, more than the " + (int) ctx.limit("maxClients") + " client slots");
        baseline.assertStillAnswers(ctx, Waits.recoveryAfterIdleTimeout(ctx));
    }

    private static String path(CheckContext ctx) {
        return ctx.route("stream");
    }
}
