package io.uconform.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.ServerFault;
import io.uconform.server.ServerLimits;
import io.uconform.server.ServerOptions;
import io.uconform.simulator.SimulatedDevice;
import io.uconform.simulator.SimulatorOptions;
import io.uconform.suite.ReportKeys;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A target that dies on a request ({@link ServerFault#CRASH_ON_HEAD}): when the harness owns it
 * ({@code sim}) it is restarted and later checks still run; when it does not ({@code url}) the
 * crashing check is named as the cause and every later check is "not run: target down", never a
 * failure of its own requirement.
 */
class TargetDownTest {

    @org.junit.jupiter.api.BeforeAll
    static void warmUp() {
        ClientWarmUp.once();
    }

    /** The only checks that send HEAD, so the only ones that meet the crash. */
    private static final String HEAD_REQUIREMENT = "PROTO-03";

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void simIsRestartedAndLaterChecksStillRun() {
        SuiteRun run = SuiteRun.with(Map.of("target", "sim", "target.faults", ServerFault.CRASH_ON_HEAD.name()));

        assertThat(run.failed()).as("failed checks").isNotEmpty()
                .allSatisfy(o -> assertThat(o.requirement()).as("requirement of %s", o).isEqualTo(HEAD_REQUIREMENT));
        assertThat(run.reportEntries(ReportKeys.RESTARTED)).as("restarts noted in the report")
                .hasSize(run.failed().size());
        assertThat(run.notRun()).as("checks not run").noneMatch(o -> o.message().contains("target down"));
        assertThat(run.checksRun()).as("checks that ran despite the crashes").isGreaterThanOrEqualTo(110);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void urlTargetIsMarkedDownAfterTheCrashingCheck() throws URISyntaxException {
        ServerLimits fastTimers = ServerLimits.reference().withHeaderTimeout(Duration.ofSeconds(1))
                .withKeepAliveIdle(Duration.ofSeconds(2));
        SimulatorOptions options = SimulatorOptions.defaults().withServer(ServerOptions.defaults()
                .withLimits(fastTimers).withFaults(Set.of(ServerFault.CRASH_ON_HEAD)));
        Path profile = Path.of(TargetDownTest.class.getResource("/selftest/reference-fast-timers.json").toURI());
        SuiteRun run;
        try (SimulatedDevice device = SimulatedDevice.start(options)) {
            run = SuiteRun.with(Map.of("target", "url", "target.url", device.baseUri().toString(),
                    "profile", profile.toString()));
        }

        assertThat(run.failed()).as("failed checks").hasSize(1);
        SuiteRun.Outcome crash = run.failed().get(0);
        assertThat(crash.requirement()).as("requirement of the crashing check").isEqualTo(HEAD_REQUIREMENT);
        assertThat(run.reportEntries(ReportKeys.DOWN)).as("down entries").singleElement().asString()
                .contains(crash.check().substring(crash.check().indexOf('.') + 1));
        assertThat(run.notRun()).as("checks not run because the target is down")
                .filteredOn(o -> o.message().contains("not run: target down")).isNotEmpty();
        // the only other checks that did not run, before the crash, lack a probe (url has none) or a route
        assertThat(run.notRun()).as("checks not run").allSatisfy(o -> assertThat(o.message())
                .as("reason of %s", o).containsAnyOf("not run: target down", "board probe", "no route bound"));
        assertThat(run.reportEntries(ReportKeys.RESTARTED)).as("restarts of a target the harness does not own")
                .isEmpty();
    }
}
