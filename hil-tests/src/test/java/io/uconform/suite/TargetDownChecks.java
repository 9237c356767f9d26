package io.uconform.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/** A check that crashes the target, one that hangs, and one that runs after them. */
@ConformanceChecks
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TargetDownChecks {

    @Order(1)
    @Check("PROTO-03")
    void crashesTheTarget(CheckContext ctx) {
        ctx.raw().open().send("GET /crash HTTP/1.1\r\nHost: x\r\n\r\n").readResponse(Duration.ofSeconds(2));
    }

    @Order(2)
    @Check("PROTO-01")
    void runsAfterTheCrash(CheckContext ctx) {
        assertThat(ctx.http().get("/").status()).isEqualTo(200);
    }
}
