package io.uconform.simulator.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EdgeListenerTest {

    private final VirtualBoard board = new TestBoards().devkitc();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Test
    void fallingEdgeFiresOnButtonPressOnly() {
        board.onEdge(0, Edge.FALLING, (pin, level, t) -> calls.add(pin + ":" + level));
        board.press(0);
        board.releaseButton(0);
        board.press(0);
        assertThat(calls).containsExactly("0:0", "0:0");
    }

    @Test
    void bothEdgesAndRisingSeeTheirChanges() {
        board.onEdge(2, Edge.BOTH, (pin, level, t) -> calls.add("both" + level));
        board.onEdge(2, Edge.RISING, (pin, level, t) -> calls.add("rise" + level));
        board.toggle(2);
        board.toggle(2);
        assertThat(calls).containsExactly("both1", "rise1", "both0");
    }

    @Test
    void closedSubscriptionsAreNotCalled() {
        EdgeSubscription sub = board.onEdge(2, Edge.BOTH, (pin, level, t) -> calls.add("x"));
        sub.close();
        sub.close();
        board.toggle(2);
        assertThat(calls).isEmpty();
    }

    @Test
    void aListenerMayCallBackIntoTheBoardAndAFailingOneIsContained() {
        board.configure(4, PinMode.OUT, null);
        board.onEdge(0, Edge.FALLING, (pin, level, t) -> {
            throw new IllegalStateException("listener bug");
        });
        board.onEdge(0, Edge.FALLING, (pin, level, t) -> board.toggle(4));
        board.press(0);
        assertThat(board.pin(4).value()).isEqualTo(1);
    }

    @Test
    void noEdgeWhileTheLevelStaysTheSame() {
        board.onEdge(0, Edge.BOTH, (pin, level, t) -> calls.add("x"));
        board.drive(0, 1);
        board.configure(0, PinMode.IN, Pull.UP);
        assertThat(calls).isEmpty();
    }
}
