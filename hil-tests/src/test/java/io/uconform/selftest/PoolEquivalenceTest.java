package io.uconform.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Target pools change how fast the suite runs, never what it finds: the whole suite against
 * {@code sim} with one instance and with a pool of {@link #POOL} (checks in parallel, each on an
 * instance of its own) gives every check the same verdict and reason, and nothing fails. The two
 * runs go side by side: the one-instance run is nearly all timer waits.
 */
class PoolEquivalenceTest {

    static final int POOL = Integer.getInteger("selftest.pool", 4);

    @BeforeAll
    static void warmUp() {
        ClientWarmUp.once();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void poolOfOneAndPoolOfFourGiveTheSameVerdicts() throws Exception {
        Map<String, String> sim = Map.of("target", "sim");
        CompletableFuture<SuiteRun> alone = CompletableFuture.supplyAsync(() -> SuiteRun.with(SuiteRun.pooled(sim, 1)));
        SuiteRun pooled = SuiteRun.with(SuiteRun.pooled(sim, POOL));
        SuiteRun single = alone.get(4, TimeUnit.MINUTES);
        System.out.printf("whole suite on sim: pool 1 %d checks in %d ms, pool %d %d checks in %d ms%n",
                single.checksRun(), single.millis(), POOL, pooled.checksRun(), pooled.millis());
        assertThat(single.failed()).as("failed checks with one instance: %s", single.failureSummary()).isEmpty();
        assertThat(pooled.failed()).as("failed checks with a pool of %d: %s", POOL, pooled.failureSummary()).isEmpty();
        assertThat(single.checksRun()).as("checks that ran with one instance").isGreaterThanOrEqualTo(250);
        assertThat(pooled.verdicts()).as("verdicts with a pool of %d against one instance", POOL)
                .isEqualTo(single.verdicts());
        List<String> members = pooled.reportEntries("uconform.facts").stream()
                .flatMap(String::lines).filter(l -> l.startsWith("pool.sim/")).distinct().toList();
        assertThat(members).as("pool members named in the report facts").hasSizeGreaterThan(1);
    }
}
