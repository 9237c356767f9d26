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
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each injected fault breaks exactly its own requirement: with the fault on, that probe fails and
 * every other probe still passes; with no fault, every probe passes.
 */
class ServerFaultTest {
    private static final ServerLimits LIMITS = ServerLimits.reference()
            .withHeaderTimeout(Duration.ofMillis(400)).withKeepAliveIdle(Duration.ofMillis(400));

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void conformingServerPassesEveryProbe() throws Exception {
        try (ReferenceServer server = TestServers.start(LIMITS)) {
            assertThat(failingProbes(server)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(ServerFault.class)
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

    private static List<String> failingProbes(ReferenceServer server) throws Exception {
        List<String> failing = new ArrayList<>();
        for (Map.Entry<String, ConformanceProbes.Probe> probe : ConformanceProbes.all().entrySet()) {
            if (!conforms(probe.getValue(), server)) {
                failing.add(probe.getKey());
            }
        }
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
