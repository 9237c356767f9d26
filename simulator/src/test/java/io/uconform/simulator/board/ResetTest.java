package io.uconform.simulator.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResetTest {

    private final TestBoards boards = new TestBoards();
    private final VirtualBoard board = boards.devkitc();

    @Test
    void resetRestartsUptimeAndRecordsTheCause() {
        boards.advanceMillis(5_000);
        assertThat(board.uptimeMillis()).isEqualTo(5_000);
        board.reset(ResetCause.SOFT);
        assertThat(board.uptimeMillis()).isZero();
        assertThat(board.resetCause()).isEqualTo(ResetCause.SOFT);
        assertThat(board.bootCount()).isEqualTo(1);
        assertThat(board.timeline().since(1, 0)).first()
                .extracting(BoardEvent::kind, BoardEvent::detail).containsExactly(BoardEvent.Kind.RESET, "soft");
    }

    @Test
    void pinsReturnToBootConfigurationButOutsideDrivesAndFaultsStay() {
        board.write(2, 1);
        board.configure(4, PinMode.OUT, Pull.UP);
        board.press(0);
        board.setFaults(List.of(new ActiveFault(BoardFault.STUCK_PIN, 5)));
        board.reset(ResetCause.SOFT);
        assertThat(board.pin(2).value()).isZero();
        assertThat(board.pin(4)).extracting(PinState::mode, PinState::pull).containsExactly(PinMode.IN, Pull.NONE);
        assertThat(board.pin(0).value()).as("button still held").isZero();
        assertThat(board.faults()).hasSize(1);
    }

    @Test
    void aResetThatDropsTheLedRecordsThePinChange() {
        board.write(2, 1);
        board.reset(ResetCause.HARD);
        assertThat(board.timeline().since(1, 0)).extracting(BoardEvent::kind, BoardEvent::pin)
                .contains(org.assertj.core.groups.Tuple.tuple(BoardEvent.Kind.PIN_CHANGE, 2));
    }
}
