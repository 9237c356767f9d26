package io.uconform.simulator.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConcurrencyTest {

    @Test
    @Timeout(20)
    void concurrentTogglesAreNeitherLostNorTorn() throws Exception {
        VirtualBoard board = VirtualBoard.powerOn(BoardProfiles.ESP32_DEVKITC);
        AtomicInteger edges = new AtomicInteger();
        board.onEdge(2, Edge.BOTH, (pin, level, t) -> edges.incrementAndGet());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        board.toggle(2);
                        board.pins();
                    }
                }));
            }
            for (Future<?> f : jobs) {
                f.get(15, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(board.pin(2).value()).as("4000 toggles end where they began").isZero();
        assertThat(edges.get()).isEqualTo(4_000);
        assertThat(board.timeline().size()).as("power-on reset + 4000 level changes").isEqualTo(4_001);
    }
}
