package io.uconform.simulator.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void keepsTheNewestEventsWhenFull() {
        Timeline t = new Timeline(3);
        for (int i = 0; i < 5; i++) {
            t.append(0, i, BoardEvent.Kind.PIN_CHANGE, 2, i % 2, "out");
        }
        assertThat(t.all()).extracting(BoardEvent::seq).containsExactly(2L, 3L, 4L);
        assertThat(t.dropped()).isEqualTo(2);
        assertThat(t.size()).isEqualTo(3);
    }

    @Test
    void boardRecordsChangesWithUptimeStamps() {
        TestBoards boards = new TestBoards();
        VirtualBoard board = boards.devkitc();
        boards.advanceMillis(250);
        board.write(2, 1);
        boards.advanceMillis(100);
        board.write(2, 0);
        assertThat(board.timeline().since(0, 200))
                .filteredOn(e -> e.kind() == BoardEvent.Kind.PIN_CHANGE)
                .extracting(BoardEvent::atMillis, BoardEvent::pin, BoardEvent::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(250L, 2, 1),
                        org.assertj.core.groups.Tuple.tuple(350L, 2, 0));
        assertThat(board.timeline().since(0, 300)).hasSize(1);
    }

    @Test
    void recordsModeChangesInputsAndPwm() {
        VirtualBoard board = new TestBoards().devkitc();
        board.configure(4, PinMode.OUT, Pull.DOWN);
        board.press(0);
        board.pwm(5, 1000, 100);
        assertThat(board.timeline().all()).extracting(BoardEvent::kind).contains(
                BoardEvent.Kind.RESET, BoardEvent.Kind.MODE_CHANGE, BoardEvent.Kind.INPUT_INJECTED,
                BoardEvent.Kind.PIN_CHANGE, BoardEvent.Kind.PWM_CHANGE);
    }

    @Test
    void anUnchangedLevelRecordsNoPinChange() {
        VirtualBoard board = new TestBoards().devkitc();
        board.write(2, 0);
        board.write(2, 0);
        assertThat(board.timeline().all()).noneMatch(e -> e.kind() == BoardEvent.Kind.PIN_CHANGE);
    }
}
