package io.uconform.simulator.board;

import java.util.concurrent.atomic.AtomicLong;

/** Boards on a hand-driven clock, for deterministic timestamps. */
final class TestBoards {

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    VirtualBoard devkitc() {
        return new VirtualBoard(BoardProfiles.ESP32_DEVKITC, nanos::get, 7L, 100);
    }

    VirtualBoard c3() {
        return new VirtualBoard(BoardProfiles.ESP32C3_DEVKITM, nanos::get, 7L, 100);
    }

    void advanceMillis(long ms) {
        nanos.addAndGet(ms * 1_000_000L);
    }
}
