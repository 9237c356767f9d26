package io.uconform.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.suite.Check;
import io.uconform.suite.CheckContext;
import io.uconform.suite.ConformanceChecks;

/** Checks with known outcomes for the report tests (not run by Surefire directly). */
@ConformanceChecks
class ReportFixtureChecks {

    @Check("PROTO-01")
    void indexAnswers(CheckContext ctx) {
        assertThat(ctx.http().get("/").status()).isEqualTo(200);
    }

    @Check("CORE-03")
    void unknownPathIsTeapot(CheckContext ctx) {
        assertThat(ctx.http().get("/nope").status()).as("status of /nope").isEqualTo(418);
    }

    @Check("SSE-01")
    void notClaimed(CheckContext ctx) {
        throw new AssertionError("not claimed: never runs");
    }

    @Check("KA-01")
    void waived(CheckContext ctx) {
        throw new AssertionError("waived: never runs");
    }
}
