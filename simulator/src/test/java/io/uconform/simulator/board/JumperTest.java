package io.uconform.simulator.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jumper wires: an output's outside level drives the wired input, over its pull, as on a bench. */
class JumperTest {

    private final VirtualBoard board = new TestBoards().devkitc();

    @Test
    void anOutputDrivesTheWiredInputBothWays() {
        board.connect(2, 18);
        board.write(2, 1);
        assertThat(board.pin(18).value()).as("sense pin 18 with LED 2 high").isEqualTo(1);
        board.write(2, 0);
        assertThat(board.pin(18).value()).as("sense pin 18 with LED 2 low").isZero();
        board.configure(2, PinMode.IN, Pull.NONE);
        board.configure(18, PinMode.OUT, null);
        board.write(18, 1);
        assertThat(board.pin(2).value()).as("pin 2, now an input, driven from 18").isEqualTo(1);
    }

    @Test
    void theWireDrivesOverThePull() {
        board.connect(21, 0);
        board.configure(0, PinMode.IN, Pull.UP);
        assertThat(board.pin(0).value()).as("undriven button pin floats to its pull-up").isEqualTo(1);
        board.configure(21, PinMode.OUT, null);
        board.write(21, 0);
        assertThat(board.pin(0).value()).as("button pin pulled low through the wire").isZero();
        board.configure(21, PinMode.IN, Pull.NONE);
        assertThat(board.pin(0).value()).as("driver released: back to the pull-up").isEqualTo(1);
    }

    @Test
    void aDeadLedShowsThroughTheWireAsLow() {
        board.connect(2, 18);
        board.setFaults(List.of(ActiveFault.parse("DEAD_LED", board.profile())));
        assertThat(board.write(2, 1).value()).as("the LED register follows the write").isEqualTo(1);
        assertThat(board.pin(18).value()).as("but the wire sees the dead LED's 0").isZero();
    }

    @Test
    void aStuckPinShowsThroughTheWireAtItsOldLevel() {
        board.connect(4, 19);
        board.configure(4, PinMode.OUT, null);
        board.write(4, 1);
        board.setFaults(List.of(ActiveFault.parse("STUCK_PIN@4", board.profile())));
        board.write(4, 0);
        assertThat(board.pin(19).value()).isEqualTo(1);
    }

    @Test
    void aWiredChangeFiresTheInputsEdgeListenersAndIsOnTheTimeline() {
        board.connect(2, 18);
        List<Integer> levels = new ArrayList<>();
        board.onEdge(18, Edge.BOTH, (pin, level, atMillis) -> levels.add(level));
        board.write(2, 1);
        board.write(2, 0);
        assertThat(levels).containsExactly(1, 0);
        assertThat(board.timeline().all()).filteredOn(e -> e.kind() == BoardEvent.Kind.PIN_CHANGE && e.pin() == 18)
                .extracting(BoardEvent::value).containsExactly(1, 0);
    }

    @Test
    void wiresStayAcrossAReset() {
        board.connect(2, 18);
        board.reset(ResetCause.SOFT);
        board.write(2, 1);
        assertThat(board.pin(18).value()).isEqualTo(1);
        assertThat(board.jumpers()).containsExactly(new Jumper(2, 18));
    }

    @Test
    void anUnwiredInputIsNotDriven() {
        board.connect(2, 18);
        board.write(2, 1);
        assertThat(board.pin(19).value()).isZero();
    }

    @Test
    void badWiresAreRefused() {
        board.connect(2, 18);
        assertThatThrownBy(() -> board.connect(18, 5)).isInstanceOf(BoardException.class)
                .hasMessageContaining("already on wire 2>18");
        assertThatThrownBy(() -> board.connect(5, 5)).isInstanceOf(BoardException.class).hasMessageContaining("itself");
        assertThatThrownBy(() -> board.connect(5, 20)).isInstanceOf(NoSuchPinException.class);
    }
}
