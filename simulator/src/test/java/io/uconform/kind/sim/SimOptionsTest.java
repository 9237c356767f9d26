package io.uconform.kind.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uconform.server.ServerFault;
import io.uconform.spi.TargetException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimOptionsTest {

    @Test
    void defaults() {
        SimOptions o = SimOptions.parse(Map.of());
        assertThat(o.board().id()).isEqualTo("esp32-devkitc");
        assertThat(o.port()).isZero();
        assertThat(o.faults()).isEmpty();
        assertThat(o.timers()).isEqualTo(SimTimers.FAST);
    }

    @Test
    void parsesEveryOption() {
        SimOptions o = SimOptions.parse(Map.of("board", "esp32c3-devkitm", "port", "8080",
                "faults", "head_with_body, NO_413", "timers", "device"));
        assertThat(o.board().id()).isEqualTo("esp32c3-devkitm");
        assertThat(o.port()).isEqualTo(8080);
        assertThat(o.faults()).containsExactlyInAnyOrder(ServerFault.HEAD_WITH_BODY, ServerFault.NO_413);
        assertThat(o.timers()).isEqualTo(SimTimers.DEVICE);
    }

    @Test
    void boardFaultsShareTheFaultsOption() {
        SimOptions o = SimOptions.parse(Map.of("faults", "NO_413,dead_led,STUCK_PIN@4"));
        assertThat(o.faults()).containsExactly(ServerFault.NO_413);
        assertThat(o.boardFaults()).extracting(Object::toString).containsExactly("DEAD_LED@2", "STUCK_PIN@4");
    }

    @Test
    void badOptionsAreOneLineTargetExceptions() {
        assertThatThrownBy(() -> SimOptions.parse(Map.of("bord", "x"))).isInstanceOf(TargetException.class)
                .hasMessage("target 'sim' has no option 'bord' (known: auth-password, auth-user, bind, board, cors, faults, port, timers, tls)");
        assertThatThrownBy(() -> SimOptions.parse(Map.of("board", "uno"))).hasMessageStartingWith("sim: unknown board 'uno'");
        assertThatThrownBy(() -> SimOptions.parse(Map.of("port", "http"))).hasMessage("sim: port must be a number 0..65535, not 'http'");
        assertThatThrownBy(() -> SimOptions.parse(Map.of("port", "-1"))).isInstanceOf(TargetException.class);
        assertThatThrownBy(() -> SimOptions.parse(Map.of("faults", "EXPLODE"))).hasMessageStartingWith("sim: unknown fault 'EXPLODE' (server faults: ");
        assertThatThrownBy(() -> SimOptions.parse(Map.of("faults", "STUCK_PIN@20"))).hasMessageContaining("no GPIO 20");
        assertThatThrownBy(() -> SimOptions.parse(Map.of("timers", "slow"))).hasMessage("sim: timers must be 'fast' or 'device', not 'slow'");
    }
}
