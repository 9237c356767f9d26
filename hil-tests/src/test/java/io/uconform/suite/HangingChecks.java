package io.uconform.suite;

import java.time.Duration;

/** A check that waits far longer than the hard timeout the test configures. */
@ConformanceChecks
class HangingChecks {

    @Check("PROTO-06")
    void hangs(CheckContext ctx) {
        ctx.raw().open().send("GET /hang HTTP/1.1\r\nHost: x\r\n\r\n").readResponse(Duration.ofSeconds(60));
    }
}
