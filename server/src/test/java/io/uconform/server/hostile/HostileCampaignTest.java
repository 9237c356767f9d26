package io.uconform.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.App;
import io.uconform.server.ReferenceServer;
import io.uconform.server.ServerOptions;
import io.uconform.server.auth.Credentials;
import io.uconform.server.auth.ProtectedRoutes;
import io.uconform.server.files.WebRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import io.uconform.server.ServerLimits;
import io.uconform.server.support.RawHttp;
import io.uconform.server.support.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ROB-01/ROB-03: a seeded campaign of hostile requests from a few concurrent connections. The
 * server must never crash (acceptor alive, no engine exception), every answer must be a
 * well-formed status line without 500, a probe client must keep getting answers, and
 * {@code GET /} must answer correctly afterwards.
 */
class HostileCampaignTest {
    private static final long SEED = 20261122L;
    private static final int TARGET_REQUESTS = 1200;
    private static final int CLIENTS = 3;
    private static final Duration BUDGET = Duration.ofSeconds(15);

    @TempDir
    Path workDir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hostileCampaignNeverCrashesTheServer() throws Exception {
        ServerLimits limits = ServerLimits.reference().withMaxClients(8).withHeaderTimeout(Duration.ofMillis(500))
                .withKeepAliveIdle(Duration.ofMillis(500));
        List<HostileRequests.Kind> kinds = HostileRequests.kinds();
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicLong probeMaxMillis = new AtomicLong();
        AtomicInteger probes = new AtomicInteger();
        long deadline = System.nanoTime() + BUDGET.toNanos();
        Path webRoot = Files.createDirectory(workDir.resolve("root"));
        App app = ProtectedRoutes.install(TestServers.app(), WebRoot.at(webRoot),
                () -> new Credentials("admin", "campaign-pw"), Set.of());
        try (ReferenceServer server = ReferenceServer.start(app, ServerOptions.defaults().withLimits(limits))) {
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
            try {
                List<Future<?>> clients = new java.util.ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    Random random = new Random(SEED + c);
                    clients.add(pool.submit(() -> {
                        while (sent.get() < TARGET_REQUESTS && System.nanoTime() < deadline) {
                            HostileRequests.Kind kind = kinds.get(random.nextInt(kinds.size()));
                            String outcome = attack(server.port(), kind, kind.generator().apply(random));
                            statuses.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                            sent.incrementAndGet();
                        }
                        return null;
                    }));
                }
                Future<?> prober = pool.submit(() -> {
                    while (clients.stream().anyMatch(f -> !f.isDone())) {
                        long start = System.nanoTime();
                        int status = probe(server.port());
                        probeMaxMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                        assertThat(status).as("probe GET / during the campaign").isIn(200, 503);
                        probes.incrementAndGet();
                    }
                    return null;
                });
                for (Future<?> client : clients) {
                    client.get(BUDGET.toSeconds() + 20, TimeUnit.SECONDS);
                }
                prober.get(10, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertThat(server.isRunning()).isTrue();
            assertThat(server.stats().internalErrors()).as("engine exceptions").isZero();
            try (RawHttp http = RawHttp.connect(server.port())) {
                Map<?, ?> index = (Map<?, ?>) http.get("/").read().json();
                assertThat(((Map<?, ?>) index.get("data")).get("name")).isEqualTo("test-board");
            }
            Map<String, Integer> sorted = new TreeMap<>();
            statuses.forEach((k, v) -> sorted.put(k, v.get()));
            System.out.printf("hostile campaign: %d requests, %d kinds, 0 crashes; outcomes %s; "
                            + "%d probes during the campaign, slowest %d ms%n",
                    sent.get(), kinds.size(), sorted, probes.get(), probeMaxMillis.get());
            assertThat(sent.get()).isGreaterThanOrEqualTo(1000);
            assertThat(sorted.keySet()).noneMatch(k -> k.equals("500") || k.startsWith("malformed"));
            assertThat(probeMaxMillis.get()).as("ROB-03: probe latency").isLessThan(limits.headerTimeout().toMillis() * 2);
            try (java.util.stream.Stream<Path> outside = Files.list(workDir)) {
                assertThat(outside.map(p -> p.getFileName().toString())).as("hostile uploads never leave the web root")
                        .containsExactly("root");
            }
        }
    }

    /** Sends one hostile payload on a fresh connection; returns the status code seen, or how it ended. */
    private static String attack(int port, HostileRequests.Kind kind, byte[] payload) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(2000);
            try {
                socket.getOutputStream().write(payload);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                return "write-refused";
            }
            if (kind.reset()) {
                socket.setSoLinger(true, 0);
                return "reset";
            }
            if (!kind.expectAnswer()) {
                return "abandoned";
            }
            return statusOf(socket.getInputStream());
        }
    }

    private static String statusOf(InputStream in) {
        try {
            byte[] head = in.readNBytes(12);
            if (head.length == 0) {
                return "closed";
            }
            String line = new String(head, StandardCharsets.ISO_8859_1);
            if (!line.matches("HTTP/1\\.1 \\d{3}")) {
                return "malformed:" + line;
            }
            return line.substring(9);
        } catch (IOException e) {
            return "closed";
        }
    }

    private static int probe(int port) throws IOException {
        try (RawHttp http = RawHttp.connect(port)) {
            return http.get("/", "Connection: close").read().status();
        }
    }
}
