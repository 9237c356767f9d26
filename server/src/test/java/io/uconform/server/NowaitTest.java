package io.uconform.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.uconform.server.support.RawHttp;
import io.uconform.server.support.TestServers;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class NowaitTest {
    @Test
    void nowait01_answersNullBeforeTheWorkAndTheWorkHappensLater() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        TestServers.workGate = gate;
        int before = TestServers.WORK_DONE.get();
        try (ReferenceServer server = TestServers.start(); RawHttp http = RawHttp.connect(server.port())) {
            String body = http.send("POST /work HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n").read().text();
            assertThat(body).isEqualTo("{\"data\":null}");
            assertThat(TestServers.WORK_DONE.get()).as("work not done while its gate is closed").isEqualTo(before);
            assertThat(http.get("/led").read().status()).as("server free while work waits").isEqualTo(200);
            gate.countDown();
            await("background work of POST /work").atMost(Duration.ofSeconds(3))
                    .until(() -> TestServers.WORK_DONE.get() == before + 1);
        } finally {
            gate.countDown();
        }
    }

    @Test
    void backgroundFailureIsLoggedNotFatal() throws Exception {
        App app = new App("bg").nowait("/fail", java.util.Set.of("POST"), r -> {
            throw new IllegalStateException("background bug");
        });
        try (ReferenceServer server = ReferenceServer.start(app, ServerOptions.defaults());
             RawHttp http = RawHttp.connect(server.port())) {
            for (int i = 0; i < 3; i++) {
                assertThat(http.send("POST /fail HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n").read().status())
                        .isEqualTo(200);
            }
            assertThat(http.get("/").read().status()).isEqualTo(200);
        }
    }
}
