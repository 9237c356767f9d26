package io.uconform.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.profile.Profile;
import io.uconform.server.ServerFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The suite tested by itself, every fault group in every build: the whole suite against {@code sim}
 * without faults, once with one instance and once with a pool (the verdicts must be the same,
 * nothing may fail, and in the pool the classes that change the target ran after all the others,
 * one after another); then, for every {@link ServerFault}, the check classes of its family (engine
 * and board, realtime, or access) with the fault: exactly the fault's requirement must fail, and a
 * fault whose requirement's checks did not run at all fails the test (it is never skipped). Runs go
 * through a small executor so that the timer waits of several runs overlap; each is bounded.
 */
class FaultInjectionTest {

    /** Families of groups and the check classes that hold their checks. */
    private static final Map<Set<String>, List<Class<?>>> FAMILIES = Map.of(
            Set.of("PROTO", "CORE", "METH", "ERR", "KA", "LIM", "ROB", "NOWAIT", "GPIO", "SYS", "BOOT"),
            SuiteRun.ENGINE_AND_BOARD_CHECKS,
            Set.of("SSE", "WS", "STREAM", "HOME"), SuiteRun.REALTIME_CHECKS,
            Set.of("AUTH", "CORS", "FILE", "UP", "CHUNK", "TLS", "NET6"), SuiteRun.ACCESS_CHECKS);

    /**
     * Concurrent suite runs: their waits are mostly timers, not CPU (4 runs at a time use half a core
     * of two: 216 s wall). More runs overlap more waits but load the machine, and the timing checks
     * feel it: 8 at a time took 130 s alone at load 7 (54 of 54 passed), but in a whole build at load
     * 16 nine fault runs broke other requirements too (ROB-02 heap sampling, ROB-04 slow heads, LIM-07
     * body deadline, closed connections): 4 by default, {@code -Dselftest.parallelRuns=N}.
     */
    private static final int PARALLEL_RUNS = Integer.getInteger("selftest.parallelRuns", 4);
    /** Instances per run: the checks of a class run side by side, each on its own. */
    static final int POOL = Integer.getInteger("selftest.pool", 4);
    /** Per run, generous: the machine may be shared, and a run waits for the executor too. */
    private static final Duration RUN_BUDGET = Duration.ofMinutes(8);

    /** Faults with a dedicated test ({@code TargetDownTest}): the target dies, so other checks are affected by design. */
    private static final List<ServerFault> TARGET_KILLERS = List.of(ServerFault.CRASH_ON_HEAD);

    private static ExecutorService executor;

    @BeforeAll
    static void startExecutor() {
        ClientWarmUp.once();
        executor = Executors.newFixedThreadPool(PARALLEL_RUNS, r -> {
            Thread t = new Thread(r, "suite-selftest");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stopExecutor() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    @TestFactory
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    Stream<DynamicTest> eachFaultBreaksExactlyItsRequirement() {
        Map<String, String> sim = Map.of("target", "sim");
        Future<SuiteRun> alone = executor.submit(() -> cleanRun(SuiteRun.pooled(sim, 1)));
        Future<SuiteRun> pooled = executor.submit(() -> cleanRun(SuiteRun.pooled(sim, POOL)));
        List<ServerFault> faults = new ArrayList<>(Arrays.asList(ServerFault.values()));
        faults.removeAll(TARGET_KILLERS);
        // the longest runs first (the realtime family waits on event streams and retries the longest),
        // so that the executor's last minutes are not one long run alone
        Map<ServerFault, Future<SuiteRun>> runs = new java.util.EnumMap<>(ServerFault.class);
        faults.stream().sorted(java.util.Comparator.comparingInt(FaultInjectionTest::expectedLength).reversed())
                .forEach(fault -> family(fault).ifPresent(classes -> runs.put(fault, executor.submit(() ->
                        runWithFault(fault, classes)))));
        Stream<DynamicTest> baseline = Stream.of(DynamicTest.dynamicTest(
                "no fault: nothing fails, one instance and a pool of " + POOL + " give the same verdicts", () -> {
                    SuiteRun single = alone.get(RUN_BUDGET.toSeconds(), TimeUnit.SECONDS);
                    SuiteRun pool = pooled.get(RUN_BUDGET.toSeconds(), TimeUnit.SECONDS);
                    System.out.printf("whole suite on sim without faults: pool 1 %d checks in %d ms, pool %d %d checks"
                            + " in %d ms%n", single.checksRun(), single.millis(), POOL, pool.checksRun(), pool.millis());
                    assertThat(single.failed()).as("failed checks with one instance: %s", single.failureSummary())
                            .isEmpty();
                    assertThat(pool.failed()).as("failed checks with a pool of %d: %s", POOL, pool.failureSummary())
                            .isEmpty();
                    assertThat(single.checksRun()).as("checks that ran").isGreaterThanOrEqualTo(250);
                    // a check that aborted because this machine was too loaded to judge (PROTO-06's split
                    // requests past the sim's header timeout) is no verdict on the target: left out of the
                    // comparison on both sides, named, and bounded so that a load-free difference still fails
                    Set<String> unjudged = new java.util.TreeSet<>(SuiteRun.abortedForLoad(single));
                    unjudged.addAll(SuiteRun.abortedForLoad(pool));
                    System.out.printf("not compared (this machine could not judge them in one of the runs): %s%n",
                            unjudged);
                    assertThat(unjudged).as("checks this machine could not judge in one of the runs").hasSizeLessThanOrEqualTo(8);
                    Map<String, String> singleVerdicts = new java.util.TreeMap<>(single.verdicts());
                    Map<String, String> poolVerdicts = new java.util.TreeMap<>(pool.verdicts());
                    singleVerdicts.keySet().removeAll(unjudged);
                    poolVerdicts.keySet().removeAll(unjudged);
                    assertThat(poolVerdicts).as("verdicts with a pool of %d against one instance", POOL)
                            .isEqualTo(singleVerdicts);
                    assertLastClassesRanAfterTheOthers(pool);
                    assertThat(pool.reportEntries("uconform.facts").stream().flatMap(String::lines)
                            .filter(l -> l.startsWith("pool.sim/")).distinct())
                            .as("pool members named in the target's facts").hasSizeGreaterThan(1);
                }));
        Stream<DynamicTest> perFault = faults.stream().map(fault -> DynamicTest.dynamicTest(
                fault.name() + " breaks exactly " + fault.requirement(), () -> {
                    Future<SuiteRun> future = runs.get(fault);
                    assertThat(future).as("a family of check classes for %s's group %s (FaultInjectionTest.FAMILIES)",
                            fault, Profile.groupOf(fault.requirement())).isNotNull();
                    SuiteRun run = future.get(RUN_BUDGET.toSeconds(), TimeUnit.SECONDS);
                    System.out.printf("sim with %s: %d checks, failed %s, %d ms; %d skipped or not run%s%n", fault,
                            run.checksRun(), run.failedRequirements(), run.millis(), run.notRun().size(),
                            run.notRun().isEmpty() ? "" : " (first: " + run.notRun().get(0) + ")");
                    assertThat(run.passedRequirements().contains(fault.requirement())
                            || run.failedRequirements().contains(fault.requirement()))
                            .as("some check of %s ran on sim with %s (skipped or not run: %s)", fault.requirement(),
                                    fault, run.notRun().stream()
                                            .filter(o -> o.requirement().equals(fault.requirement())).toList())
                            .isTrue();
                    assertThat(run.failedRequirements()).as("requirements with failed checks under %s: %s", fault,
                            run.failureSummary()).containsExactly(fault.requirement());
                }));
        return Stream.concat(baseline, perFault);
    }

    /**
     * In a pool the {@link io.uconform.suite.LastConformanceChecks} classes (rewritten secrets,
     * malformed input, hostile campaigns) start only after every other class has ended, and they
     * never run at once with each other (their order holds on every instance); the other classes
     * may overlap.
     */
    private static void assertLastClassesRanAfterTheOthers(SuiteRun run) {
        Map<String, long[]> spans = run.classSpans();
        Set<String> last = Set.of("SecretChecks", "ErrorChecks", "RobustnessChecks");
        assertThat(spans.keySet()).as("classes that ran").containsAll(last);
        long earlierEnd = spans.entrySet().stream().filter(e -> !last.contains(e.getKey()))
                .mapToLong(e -> e.getValue()[1]).max().orElseThrow();
        List<Map.Entry<String, long[]>> lastByStart = spans.entrySet().stream().filter(e -> last.contains(e.getKey()))
                .sorted(java.util.Comparator.comparingLong(e -> e.getValue()[0])).toList();
        assertThat(lastByStart.stream().map(Map.Entry::getKey)).as("last classes in their @Order (ms: %s)",
                SuiteRun.describe(spans)).containsExactly("SecretChecks", "ErrorChecks", "RobustnessChecks");
        assertThat(lastByStart.get(0).getValue()[0]).as("first start of %s against the last end of the other classes"
                + " (ms: %s)", lastByStart.get(0).getKey(), SuiteRun.describe(spans)).isGreaterThanOrEqualTo(earlierEnd);
        for (int i = 1; i < lastByStart.size(); i++) {
            assertThat(lastByStart.get(i).getValue()[0]).as("first start of %s against the last end of %s (ms: %s)",
                    lastByStart.get(i).getKey(), lastByStart.get(i - 1).getKey(), SuiteRun.describe(spans))
                    .isGreaterThanOrEqualTo(lastByStart.get(i - 1).getValue()[1]);
        }
    }

    /** A rough rank of a fault's run length, for the submission order only: HOME, other realtime, engine, access. */
    private static int expectedLength(ServerFault fault) {
        String group = Profile.groupOf(fault.requirement());
        List<Class<?>> classes = family(fault).orElse(List.of());
        return group.equals("HOME") ? 3 : classes == SuiteRun.REALTIME_CHECKS ? 2
                : classes == SuiteRun.ENGINE_AND_BOARD_CHECKS ? 1 : 0;
    }

    private static Optional<List<Class<?>>> family(ServerFault fault) {
        String group = Profile.groupOf(fault.requirement());
        return FAMILIES.entrySet().stream().filter(e -> e.getKey().contains(group)).map(Map.Entry::getValue)
                .findFirst();
    }

    /**
     * The fault's family run against a pool of sims with the fault. A run in which checks were "not
     * run" (an instance could not be leased or started: no verdict on the fault at all; seen once on
     * a loaded machine, 37 of 50 checks), or in which another requirement than the fault's failed
     * too or the fault's did not, is run once more and says so; the second run is judged.
     */
    private static SuiteRun runWithFault(ServerFault fault, List<Class<?>> classes) {
        Map<String, String> configuration = SuiteRun.pooled(Map.of("target", "sim", "target.faults", fault.name()),
                POOL);
        SuiteRun run = SuiteRun.of(classes, configuration);
        List<SuiteRun.Outcome> notRun = run.notRun().stream()
                .filter(o -> o.message().startsWith(io.uconform.suite.ReportKeys.NOT_RUN)).toList();
        if (!notRun.isEmpty()) {
            System.out.printf("sim with %s: %d checks not run (first: %s); running the family once more%n", fault,
                    notRun.size(), notRun.get(0));
            return SuiteRun.of(classes, configuration);
        }
        if (!run.failedRequirements().equals(Set.of(fault.requirement()))) {
            // on a loaded 2-core runner a timing check of another requirement fails now and then (a slot
            // evicted, a deadline missed by 200 ms); the second run is judged, the first is printed
            System.out.printf("sim with %s: first run failed %s, expected only %s (%s); running the family once "
                    + "more%n", fault, run.failedRequirements(), fault.requirement(), run.failureSummary());
            return SuiteRun.of(classes, configuration);
        }
        return run;
    }

    /** The whole suite without faults; a run with failures (timing, under load) is printed and run once more. */
    private static SuiteRun cleanRun(Map<String, String> configuration) {
        SuiteRun run = SuiteRun.with(configuration);
        if (run.failed().isEmpty()) {
            return run;
        }
        System.out.printf("whole suite on sim without faults (%s): first run failed %s; running it once more%n",
                configuration.get(io.uconform.suite.SuiteSettings.POOL), run.failureSummary());
        return SuiteRun.with(configuration);
    }
}
