package io.uconform.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.uconform.checks.CoreChecks;
import io.uconform.checks.ErrorChecks;
import io.uconform.checks.GpioChecks;
import io.uconform.checks.KeepAliveChecks;
import io.uconform.checks.LimitChecks;
import io.uconform.checks.MethodChecks;
import io.uconform.checks.NowaitChecks;
import io.uconform.checks.ProtocolChecks;
import io.uconform.checks.RobustnessChecks;
import io.uconform.checks.SystemChecks;
import io.uconform.profile.Profile;
import io.uconform.server.ServerFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The suite tested by itself: the whole suite runs against {@code sim} once without faults (nothing
 * may fail); then, for every {@link ServerFault} of the engine and board groups, the check classes of
 * those groups run with the fault and exactly the fault's requirement may fail. (The SSE, WS,
 * STREAM and HOME faults are covered the same way by {@code RealtimeChecksOnSimTest}.) Runs go
 * through a small pool so that the timer waits of several runs overlap; each is bounded.
 */
class FaultInjectionTest {

    /** The groups whose checks live in the classes below. */
    private static final Set<String> GROUPS = Set.of("PROTO", "CORE", "METH", "ERR", "KA", "LIM", "ROB", "NOWAIT",
            "GPIO", "SYS", "BOOT");
    private static final List<Class<?>> CHECK_CLASSES = List.of(ProtocolChecks.class, CoreChecks.class,
            MethodChecks.class, ErrorChecks.class, KeepAliveChecks.class, LimitChecks.class, RobustnessChecks.class,
            NowaitChecks.class, GpioChecks.class, SystemChecks.class);

    /** Concurrent suite runs: their waits are mostly timers, not CPU. */
    private static final int PARALLEL_RUNS = 3;
    private static final Duration RUN_BUDGET = Duration.ofMinutes(3);

    /** Faults with a dedicated test: the target dies, so other checks are affected by design. */
    private static final List<ServerFault> TARGET_KILLERS = List.of(ServerFault.CRASH_ON_HEAD);

    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        ClientWarmUp.once();
        pool = Executors.newFixedThreadPool(PARALLEL_RUNS, r -> {
            Thread t = new Thread(r, "suite-selftest");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stopPool() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    @TestFactory
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    Stream<DynamicTest> eachFaultBreaksExactlyItsRequirement() {
        Future<SuiteRun> clean = pool.submit(() -> SuiteRun.with(Map.of("target", "sim")));
        List<ServerFault> faults = new ArrayList<>(Arrays.asList(ServerFault.values()));
        faults.removeAll(TARGET_KILLERS);
        faults.removeIf(f -> !GROUPS.contains(Profile.groupOf(f.requirement())));
        List<Future<SuiteRun>> runs = new ArrayList<>();
        for (ServerFault fault : faults) {
            runs.add(pool.submit(() -> SuiteRun.of(CHECK_CLASSES, Map.of("target", "sim", "target.faults",
                    fault.name()))));
        }
        Stream<DynamicTest> baseline = Stream.of(DynamicTest.dynamicTest("no fault: no check fails", () -> {
            SuiteRun run = clean.get(RUN_BUDGET.toSeconds(), TimeUnit.SECONDS);
            System.out.printf("suite on sim without faults: %d checks run in %d ms%n", run.checksRun(), run.millis());
            assertThat(run.failedRequirements()).as("requirements with failed checks: %s", run.failureSummary())
                    .isEmpty();
            assertThat(run.checksRun()).as("checks that ran").isGreaterThanOrEqualTo(110);
        }));
        Stream<DynamicTest> perFault = faults.stream().map(fault -> DynamicTest.dynamicTest(
                fault.name() + " breaks exactly " + fault.requirement(), () -> {
                    SuiteRun run = runs.get(faults.indexOf(fault)).get(RUN_BUDGET.toSeconds(), TimeUnit.SECONDS);
                    System.out.printf("suite on sim with %s: %d checks, failed %s, %d ms%n", fault, run.checksRun(),
                            run.failedRequirements(), run.millis());
                    assumeThat(run.passedRequirements().contains(fault.requirement())
                            || run.failedRequirements().contains(fault.requirement()))
                            .as("some check of %s ran on sim (not run: %s)", fault.requirement(),
                                    run.notRun().stream().filter(o -> o.requirement().equals(fault.requirement()))
                                            .toList())
                            .isTrue();
                    assertThat(run.failedRequirements()).as("requirements with failed checks under %s: %s", fault,
                            run.failureSummary()).containsExactly(fault.requirement());
                }));
        return Stream.concat(baseline, perFault);
    }
}
