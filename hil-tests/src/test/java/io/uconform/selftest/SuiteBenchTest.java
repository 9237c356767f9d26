package io.uconform.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The suite's speed against {@code sim}: N full runs in one JVM (after the JVM has started), then
 * the median wall time, the median per check and the slowest checks. Runs only when asked for with
 * {@code -Dbench.runs=N} (see {@code hil-tests/bench/suite-bench.sh}); otherwise skipped. The
 * engine and board check classes by default; {@code -Dbench.scope=all} for every check class;
 * {@code -Dbench.pool=N} for a pool of N instances (checks in parallel; default 1).
 */
class SuiteBenchTest {

    @Test
    void medianWallTimeOfTheSuiteOnSim() {
        String runsProperty = System.getProperty("bench.runs", "");
        assumeThat(runsProperty).as("benchmark not requested (-Dbench.runs=N)").isNotBlank();
        int runs = Integer.parseInt(runsProperty.trim());
        int pool = Integer.getInteger("bench.pool", 1);
        List<Long> walls = new ArrayList<>();
        SuiteRun lastRun = null;
        Map<String, List<Long>> perCheck = new HashMap<>();
        ClientWarmUp.once();
        for (int i = 0; i < runs; i++) {
            Map<String, String> sim = SuiteRun.pooled(Map.of("target", "sim"), pool);
            SuiteRun run = "all".equals(System.getProperty("bench.scope")) ? SuiteRun.with(sim)
                    : SuiteRun.of(SuiteRun.ENGINE_AND_BOARD_CHECKS, sim);
            walls.add(run.millis());
            lastRun = run;
            run.durations().forEach((check, ms) -> perCheck.computeIfAbsent(check, k -> new ArrayList<>()).add(ms));
            System.out.printf("run %d: %d checks in %d ms%n", i + 1, run.checksRun(), run.millis());
            assertThat(run.failed()).as("failed checks in benchmark run %d: %s", i + 1, run.failureSummary()).isEmpty();
        }
        System.out.printf("pool of %d instance(s)%n", pool);
        printSummary(runs, walls, perCheck);
        printTimeline(lastRun);
    }

    /**
     * What bounded the last run: each class's span, and the checks that ended last with their own
     * time and their wait for an instance (a {@code RunsAlone} check waits until the pool is idle).
     */
    private static void printTimeline(SuiteRun run) {
        System.out.println("classes of the last run (ms from its first check): " + SuiteRun.describe(run.classSpans()));
        Map<String, Long> own = run.durations();
        Map<String, Long> alone = new java.util.TreeMap<>();
        own.forEach((check, ms) -> {
            if (annotated(check, io.uconform.suite.RunsAlone.class)) {
                alone.put(check, ms);
            }
        });
        System.out.printf("bound: checks that run alone (the pool otherwise idle), one after another: %d ms in all, %s%n",
                alone.values().stream().mapToLong(Long::longValue).sum(), alone);
        long[] last = run.classSpans().entrySet().stream()
                .filter(e -> classOf(e.getKey()).isAnnotationPresent(io.uconform.suite.LastConformanceChecks.class))
                .map(Map.Entry::getValue).reduce((a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])})
                .orElse(new long[] {0, 0});
        System.out.printf("bound: the last stage (secrets, malformed input, hostile campaigns) %d..%d ms, %d ms%n",
                last[0], last[1], last[1] - last[0]);
        System.out.println("checks that ended last (start..end, own ms, waited ms):");
        run.checkSpans().entrySet().stream().filter(e -> e.getValue()[1] >= 0)
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(Integer.getInteger("bench.timeline", 25))
                .forEach(e -> {
                    long ownMs = own.getOrDefault(e.getKey(), 0L);
                    long[] span = e.getValue();
                    System.out.printf("  %6d..%6d  own %5d  waited %5d  %s%n", span[0], span[1], ownMs,
                            Math.max(0, span[1] - span[0] - ownMs), e.getKey());
                });
    }

    private static Class<?> classOf(String simpleName) {
        try {
            return Class.forName("io.uconform.checks." + simpleName);
        } catch (ClassNotFoundException e) {
            return Object.class;
        }
    }

    private static boolean annotated(String check, Class<? extends java.lang.annotation.Annotation> annotation) {
        String[] parts = check.split("\\.", 2);
        return parts.length == 2 && java.util.Arrays.stream(classOf(parts[0]).getDeclaredMethods())
                .anyMatch(m -> m.getName().equals(parts[1]) && m.isAnnotationPresent(annotation));
    }

    private static void printSummary(int runs, List<Long> walls, Map<String, List<Long>> perCheck) {
        List<Long> checkMedians = new ArrayList<>();
        Map<String, Long> medianByCheck = new HashMap<>();
        perCheck.forEach((check, list) -> {
            long m = median(list);
            checkMedians.add(m);
            medianByCheck.put(check, m);
        });
        long timed = checkMedians.stream().mapToLong(Long::longValue).sum();
        System.out.printf("suite on sim: %d runs, median wall %d ms; %d checks, median per check %d ms, "
                + "sum of check medians %d ms%n", runs, median(walls), perCheck.size(), median(checkMedians), timed);
        System.out.println("slowest checks (median ms):");
        medianByCheck.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                .forEach(e -> System.out.printf("  %6d  %s%n", e.getValue(), e.getKey()));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
