package io.uconform.kind.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.probe.PinInput;
import io.uconform.probe.PinReading;
import io.uconform.simulator.board.ActiveFault;
import io.uconform.simulator.board.BoardProfiles;
import io.uconform.simulator.board.VirtualBoard;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VirtualBoardProbeTest {

    private final AtomicLong nanos = new AtomicLong();
    private final VirtualBoard board = new VirtualBoard(BoardProfiles.ESP32_DEVKITC, nanos::get, 1L, 1000);
    private final VirtualBoardProbe probe = new VirtualBoardProbe(board);

    @Test
    void canDoEverythingOnEveryPin() {
        for (io.uconform.probe.ProbeAbility ability : io.uconform.probe.ProbeAbility.values()) {
            assertThat(probe.cannot(ability, 2)).as(ability.name()).isEmpty();
        }
    }

    @Test
    void seesThroughAWireWhatABenchWould() {
        board.connect(2, 18);
        board.write(2, 1);
        assertThat(probe.read(18)).extracting(PinReading::mode, PinReading::value).containsExactly("in", 1);
    }

    @Test
    void readsThePhysicalLevelNotTheRegister() {
        board.write(2, 1);
        assertThat(probe.read(2)).extracting(PinReading::mode, PinReading::value).containsExactly("out", 1);
        board.setFaults(List.of(ActiveFault.parse("DEAD_LED", board.profile())));
        assertThat(probe.read(2).value()).isZero();
        assertThat(board.pin(2).value()).isEqualTo(1);
    }

    @Test
    void changesSinceAMarkAreTheLevelChangesOfThatPin() {
        board.toggle(2);
        nanos.addAndGet(10_000_000L);
        long mark = probe.nowMillis();
        board.toggle(2);
        board.toggle(4);
        board.toggle(2);
        assertThat(probe.changes(2, mark)).extracting(PinReading::value).containsExactly(0, 1);
        assertThat(probe.changes(2, mark)).allSatisfy(r -> assertThat(r.atMillis()).isGreaterThanOrEqualTo(mark));
    }

    @Test
    void drivesLevelsAndVoltages() {
        probe.drive(0, PinInput.level(0));
        assertThat(probe.read(0).value()).isZero();
        probe.drive(34, PinInput.millivolts(3300));
        assertThat(board.readAdc(34).raw()).isEqualTo(4095);
        assertThat(probe.read(34)).extracting(PinReading::mode, PinReading::value).containsExactly("adc", 4095);
        assertThat(probe.unavailableReason()).isEmpty();
    }
}
