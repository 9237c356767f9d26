package io.uconform.simulator.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoardFaultTest {

    private final VirtualBoard board = new TestBoards().devkitc();
    private final BoardProfile profile = board.profile();

    @Test
    void stuckPinIgnoresWritesAndSaysSo() {
        board.setFaults(List.of(ActiveFault.parse("STUCK_PIN@2", profile)));
        assertThat(board.write(2, 1).value()).isZero();
        assertThat(board.toggle(2).value()).isZero();
        assertThat(board.timeline().all()).anyMatch(e -> e.kind() == BoardEvent.Kind.FAULT
                && e.detail().contains("ignored"));
        board.setFaults(List.of());
        assertThat(board.write(2, 1).value()).isEqualTo(1);
    }

    @Test
    void deadLedKeepsTheRegisterButShowsNothingOutside() {
        board.setFaults(List.of(ActiveFault.parse("dead-led", profile)));
        PinState s = board.write(2, 1);
        assertThat(s.value()).isEqualTo(1);
        assertThat(s.level()).isZero();
        assertThat(board.timeline().all()).noneMatch(e -> e.kind() == BoardEvent.Kind.PIN_CHANGE);
    }

    @Test
    void clearingADeadLedShowsTheLevelAgain() {
        board.setFaults(List.of(ActiveFault.parse("DEAD_LED", profile)));
        board.write(2, 1);
        board.setFaults(List.of());
        assertThat(board.pin(2).level()).isEqualTo(1);
    }

    @Test
    void noisyAdcJittersWithinBounds() {
        board.setFaults(List.of(ActiveFault.parse("NOISY_ADC", profile)));
        board.driveMillivolts(34, 1000);
        List<Integer> mv = IntStream.range(0, 50).mapToObj(i -> board.readAdc(34).millivolts()).toList();
        assertThat(mv).allSatisfy(v -> assertThat(v).isBetween(849, 1151));
        assertThat(mv.stream().distinct().count()).isGreaterThan(5);
    }

    @Test
    void parseRejectsUnknownFaultsAndPins() {
        assertThatThrownBy(() -> ActiveFault.parse("MELTED", profile)).hasMessageStartingWith("unknown board fault 'MELTED'");
        assertThatThrownBy(() -> ActiveFault.parse("STUCK_PIN@x", profile)).hasMessageContaining("pin must be a number");
        assertThatThrownBy(() -> ActiveFault.parse("STUCK_PIN@20", profile)).hasMessageContaining("no GPIO 20");
        assertThat(ActiveFault.parse("NOISY_ADC", profile).pin()).isEqualTo(ActiveFault.EVERY_PIN);
        assertThat(ActiveFault.parse("STUCK_PIN", profile)).hasToString("STUCK_PIN@2");
    }
}
