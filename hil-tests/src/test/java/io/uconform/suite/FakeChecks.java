package io.uconform.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.client.HttpReply;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/** Checks run by the harness tests against the {@code fake} target (not run by Surefire directly). */
@ConformanceChecks
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeChecks {

    @Order(1)
    @Needs(routes = "index")
    @Check("PROTO-01")
    void indexAnswers(CheckContext ctx) {
        ctx.note("password hunter22 must be masked");
        assertThat(ctx.http().get(ctx.route("index")).status()).isEqualTo(200);
    }

    @Order(2)
    @Check("CORE-03")
    void unknownPathIsTeapot(CheckContext ctx) {
        HttpReply reply = ctx.http().get("/nope");
        assertThat(reply.status()).as("status of an unknown path (the wifi password is hunter22)").isEqualTo(418);
    }

    @Order(3)
    @Check("SSE-01")
    void notClaimed(CheckContext ctx) {
        throw new AssertionError("must never run: SSE is not claimed");
    }

    @Order(4)
    @Check("KA-01")
    void waived(CheckContext ctx) {
        throw new AssertionError("must never run: KA-01 is waived");
    }

    @Order(5)
    @Needs(routes = "raise")
    @Check("CORE-05")
    void needsUnboundRoute(CheckContext ctx) {
        ctx.route("raise");
        throw new AssertionError("must never get here: no route bound for raise");
    }

    @Order(6)
    @Check("PROTO-02")
    void rawReadsIndex(CheckContext ctx) {
        HttpReply reply = ctx.raw().open().send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").readResponse(Duration.ofSeconds(2));
        assertThat(reply.header("content-length")).isPresent();
    }
}
