package io.uconform.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.support.ConformanceProbes;
import io.uconform.server.support.TestServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each injected fault breaks exactly its own requirement: with the fault on, that probe fails and
 * every other probe still passes; with no fault, every probe passes.
 */
class ServerFaultTest {
    /** Short timeouts; room for more clients than the probes open, so no idle connection is evicted. */
    private static final ServerLimits LIMITS = ServerLimits.reference().withMaxClients(12)
            .withHeaderTimeout(Duration.ofMillis(400)).withKeepAliveIdle(Duration.ofMillis(400));

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void conformingServerPassesEveryProbe() throws Exception {
        try (ReferenceServer server = TestServers.start(LIMITS)) {
            assertThat(failingProbes(server)).isEmpty();
        }
    }

    /** Faults of the engine's own groups; the feature faults (SSE, WS, AUTH, ...) have their own tests. */
    static List<ServerFault> probedFaults() {
        return Arrays.stream(ServerFault.values())
                .filter(f -> ConformanceProbes.all().containsKey(f.requirement())).toList();
    }

    @ParameterizedTest
    @MethodSource("probedFaults")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void faultBreaksOnlyItsOwnRequirement(ServerFault fault) throws Exception {
        try (ReferenceServer server = TestServers.start(LIMITS, fault)) {
            boolean crashes = fault == ServerFault.CRASH_ON_HEAD;
            // a server that dies on HEAD cannot answer the HEAD probe either: probe it alone
            List<String> failing = crashes ? failing(server, "ROB-03") : failingProbes(server);
            assertThat(failing).as("probes failing with " + fault).containsExactly(fault.requirement());
            if (crashes) {
                assertThat(server.isRunning()).isFalse();
            }
        }
    }

    @Test
    void everyGroupHasAFault() {
        TreeSet<String> groups = new TreeSet<>();
        Arrays.stream(ServerFault.values()).forEach(f -> groups.add(f.requirement().replaceAll("-\\d+$", "")));
        assertThat(groups).contains("PROTO", "CORE", "METH", "ERR", "KA", "LIM", "ROB", "NOWAIT");
    }

    /**
     * Runs every probe: the slow waiting ones (idle and header timeouts) on their own threads while
     * the quick ones run, then the stateful ones (ROB-01 counts rejects, ROB-03 may kill the server).
     * Connections still closing on the server side count against the cap, hence the larger cap.
     */
    private static List<String> failingProbes(ReferenceServer server) throws Exception {
        Map<String, ConformanceProbes.Probe> probes = ConformanceProbes.all();
        Map<String, Boolean> results = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.ExecutorService slow = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
            for (String requirement : ConformanceProbes.SLOW) {
                pending.add(slow.submit(() -> results.put(requirement, conforms(probes.get(requirement), server))));
            }
            for (Map.Entry<String, ConformanceProbes.Probe> probe : probes.entrySet()) {
                String requirement = probe.getKey();
                if (!ConformanceProbes.SLOW.contains(requirement) && !ConformanceProbes.STATEFUL.contains(requirement)) {
                    results.put(requirement, conforms(probe.getValue(), server));
                }
            }
            for (java.util.concurrent.Future<?> future : pending) {
                future.get(20, TimeUnit.SECONDS);
            }
        } finally {
            slow.shutdownNow();
        }
        for (String requirement : ConformanceProbes.STATEFUL) {
            results.put(requirement, conforms(probes.get(requirement), server));
        }
        List<String> failing = new ArrayList<>();
        probes.keySet().stream().filter(r -> !results.get(r)).forEach(failing::add);
        return failing;
    }

    private static List<String> failing(ReferenceServer server, String requirement) throws Exception {
        return conforms(ConformanceProbes.all().get(requirement), server) ? List.of() : List.of(requirement);
    }

    /** A probe that cannot even get a response (closed, reset, timed out) saw non-conforming behaviour. */
    private static boolean conforms(ConformanceProbes.Probe probe, ReferenceServer server) throws Exception {
        try {
            return probe.conforms(server);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
