package io.uconform.kind.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uconform.probe.PinReading;
import io.uconform.profile.Limits;
import io.uconform.profile.Profile;
import io.uconform.simulator.TestApi;
import io.uconform.spi.RunningTarget;
import io.uconform.spi.Target;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetKind;
import io.uconform.spi.TargetKinds;
import io.uconform.spi.TargetSpec;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SimTargetTest {

    private static final Profile PROFILE = new Profile("reference", "", Set.of("PROTO", "GPIO"), Map.of(),
            Limits.reference(), Map.of(), Map.of());

    private static Target create(Map<String, String> options) {
        return TargetKinds.require("sim").create(new TargetSpec("sim", options, PROFILE));
    }

    @Test
    void isDiscoveredAndAlwaysAvailable() {
        TargetKind kind = TargetKinds.require("sim");
        assertThat(kind).isInstanceOf(SimTargetKind.class);
        assertThat(kind.availability(new TargetSpec("sim", Map.of(), PROFILE)).isAvailable()).isTrue();
    }

    @Test
    void startServesTheBoardApiWithAProbeAndFastTimers() {
        try (Target target = create(Map.of())) {
            RunningTarget running = target.start();
            assertThat(target.start()).as("idempotent").isSameAs(running);
            assertThat(target.ownsLifecycle()).isTrue();
            new TestApi(running.baseUri()).get("/led/on");
            assertThat(running.probe().read(2)).extracting(PinReading::mode, PinReading::value).containsExactly("out", 1);
            Limits limits = running.limits().orElseThrow();
            assertThat(limits.headerTimeout()).isEqualTo(Duration.ofSeconds(1));
            assertThat(limits.keepAliveIdle()).isEqualTo(Duration.ofSeconds(2));
            assertThat(limits.maxClients()).isEqualTo(4);
            assertThat(running.facts()).containsEntry("board", "esp32-devkitc").containsKeys("firmware", "server");
            assertThat(running.console().lines()).anyMatch(l -> l.text().startsWith("UCONFORM READY url=http://127.0.0.1:"));
        }
    }

    @Test
    void deviceTimersKeepTheProfiles() {
        try (Target target = create(Map.of("timers", "device"))) {
            assertThat(target.start().limits()).contains(Limits.reference());
        }
    }

    @Test
    void restartGivesAFreshDevice() {
        try (Target target = create(Map.of())) {
            RunningTarget first = target.start();
            new TestApi(first.baseUri()).get("/led/on");
            RunningTarget second = target.restart();
            assertThat(second).isNotSameAs(first);
            assertThat(second.probe().read(2).value()).isZero();
            assertThat(new TestApi(second.baseUri()).get("/system").dataMap()).containsEntry("reset_cause", "power_on");
        }
    }

    @Test
    void closeIsIdempotentAndStartAgainWorks() {
        Target target = create(Map.of());
        target.start();
        target.close();
        target.close();
        RunningTarget again = target.start();
        assertThat(new TestApi(again.baseUri()).get("/led").status()).isEqualTo(200);
        target.close();
    }

    @Test
    void portInUseIsOneLine() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Target target = create(Map.of("port", String.valueOf(busy.getLocalPort())))) {
            assertThatThrownBy(target::start).isInstanceOf(TargetException.class)
                    .hasMessageStartingWith("sim: device server: ")
                    .hasMessageContaining(String.valueOf(busy.getLocalPort()))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void serverFaultsReachTheServer() {
        try (Target target = create(Map.of("faults", "INDEX_UNSORTED"))) {
            RunningTarget running = target.start();
            assertThat(running.facts()).containsEntry("faults", "[INDEX_UNSORTED]");
            java.util.List<?> routes = (java.util.List<?>) new TestApi(running.baseUri()).get("/").dataMap().get("routes");
            assertThat(routes.get(0)).isNotEqualTo("/");
        }
    }

    @Test
    void boardFaultsAreSwitchedOnAtStartAndAfterRestart() {
        try (Target target = create(Map.of("faults", "DEAD_LED"))) {
            RunningTarget running = target.start();
            assertThat(new TestApi(running.baseUri()).get("/led/on").dataMap()).as("the API believes it").containsEntry("value", 1L);
            assertThat(running.probe().read(2).value()).as("the probe sees the dead LED").isZero();
            assertThat(running.facts()).containsEntry("board_faults", "[DEAD_LED@2]");
            RunningTarget again = target.restart();
            new TestApi(again.baseUri()).get("/led/on");
            assertThat(again.probe().read(2).value()).isZero();
        }
    }
}
