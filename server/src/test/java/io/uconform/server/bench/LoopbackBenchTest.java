package io.uconform.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.ReferenceServer;
import io.uconform.server.support.RawHttp;
import io.uconform.server.support.TestServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A small loopback benchmark: keep-alive {@code GET /led} from 1 and 4 connections for a fixed
 * time each; prints requests/s and median/p99 latency. The floor asserted is deliberately low
 * (shared CI machines); the printed numbers are what to quote.
 */
class LoopbackBenchTest {
    private static final Duration WARMUP = Duration.ofMillis(500);
    private static final Duration RUN = Duration.ofMillis(1500);

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void keepAliveThroughputAndLatency() throws Exception {
        try (ReferenceServer server = TestServers.start(TestServers.quickLimits().withMaxRequestsPerConnection(1_000_000))) {
            run(server, 1, WARMUP);
            for (int connections : new int[] {1, 4}) {
                long[] latencies = run(server, connections, RUN);
                Arrays.sort(latencies);
                double perSecond = latencies.length / (RUN.toMillis() / 1000.0);
                System.out.printf("bench: %d connection(s), %.0f requests/s, median %.3f ms, p99 %.3f ms%n",
                        connections, perSecond, latencies[latencies.length / 2] / 1e6,
                        latencies[(int) (latencies.length * 0.99)] / 1e6);
                assertThat(perSecond).as("requests/s with %d connection(s)", connections).isGreaterThan(50);
            }
        }
    }

    /** Latencies in nanoseconds of every request completed by {@code connections} clients within {@code time}. */
    private static long[] run(ReferenceServer server, int connections, Duration time) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            long end = System.nanoTime() + time.toNanos();
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                Callable<List<Long>> client = () -> {
                    List<Long> latencies = new ArrayList<>();
                    try (RawHttp http = RawHttp.connect(server.port())) {
                        while (System.nanoTime() < end) {
                            long start = System.nanoTime();
                            if (http.get("/led").read().status() != 200) {
                                throw new IllegalStateException("non-200 during the benchmark");
                            }
                            latencies.add(System.nanoTime() - start);
                        }
                    }
                    return latencies;
                };
                results.add(pool.submit(client));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get(time.toSeconds() + 10, TimeUnit.SECONDS));
            }
            return all.stream().mapToLong(Long::longValue).toArray();
        } finally {
            pool.shutdownNow();
        }
    }
}
