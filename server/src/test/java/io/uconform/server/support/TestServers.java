package io.uconform.server.support;

import io.uconform.server.App;
import io.uconform.server.HttpError;
import io.uconform.server.ReferenceServer;
import io.uconform.server.Response;
import io.uconform.server.ServerFault;
import io.uconform.server.ServerLimits;
import io.uconform.server.ServerOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The app and servers the engine tests share. */
public final class TestServers {
    /** Counts the background work of {@code POST /work} (NOWAIT). */
    public static final AtomicInteger WORK_DONE = new AtomicInteger();
    /** Opened by tests to let {@code POST /work} finish. */
    public static volatile CountDownLatch workGate = new CountDownLatch(0);
    /** Counts calls of the {@code /hits} handler (e.g. to prove OPTIONS does not reach it). */
    public static final AtomicInteger HITS = new AtomicInteger();

    private TestServers() {
    }

    /** Short timeouts so timeout tests stay quick. */
    public static ServerLimits quickLimits() {
        return ServerLimits.reference().withHeaderTimeout(Duration.ofMillis(600))
                .withKeepAliveIdle(Duration.ofMillis(800));
    }

    public static ReferenceServer start(ServerFault... faults) {
        return start(quickLimits(), faults);
    }

    public static ReferenceServer start(ServerLimits limits, ServerFault... faults) {
        Set<ServerFault> set = faults.length == 0 ? Set.of() : EnumSet.of(faults[0], faults);
        return ReferenceServer.start(app(), ServerOptions.defaults().withLimits(limits).withFaults(set));
    }

    public static App app() {
        return new App("test-board")
                .route("/led", Set.of("GET"), r -> Map.of("pin", 2, "value", 1))
                .route("/led/on", Set.of("GET"), r -> Map.of("pin", 2, "value", 1))
                .route("/echo", Set.of("POST", "PUT"), r -> r.json())
                .route("/text", Set.of("POST", "PUT"), r -> r.bodyLength())
                .route("/query", Set.of("GET"), r -> r.query())
                .route("/path/*", Set.of("GET"), r -> Map.of("path", r.path(), "rest", r.param("*").orElse("")))
                .route("/gpio/{n}", Set.of("GET", "PUT"), TestServers::gpio)
                .route("/boom", Set.of("GET"), r -> {
                    throw new IllegalStateException("handler bug");
                })
                .route("/hits", r -> HITS.incrementAndGet())
                .route("/big", Set.of("GET"), r -> Response.of(200, "application/octet-stream", bigBody()))
                .route("/stream", Set.of("GET"), r -> Response.chunked(200, "text/plain", out -> {
                    for (int i = 0; i < 3; i++) {
                        out.write(("part" + i + "\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }))
                .upload("/upload", Set.of("PUT", "POST"), r -> r.bodyLength())
                .nowait("/work", Set.of("POST"), r -> {
                    workGate.await(5, TimeUnit.SECONDS);
                    return WORK_DONE.incrementAndGet();
                });
    }

    /** 2 MiB of a repeating pattern, larger than any socket send buffer (PROTO-07). */
    public static byte[] bigBody() {
        byte[] body = new byte[2 * 1024 * 1024];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i % 251);
        }
        return body;
    }

    private static Object gpio(io.uconform.server.Request r) {
        int pin;
        try {
            pin = Integer.parseInt(r.param("n").orElseThrow());
        } catch (NumberFormatException e) {
            throw new HttpError(400, "pin must be a number");
        }
        if (pin > 39) {
            throw new HttpError(404, "no pin " + pin);
        }
        return "PUT".equals(r.method()) ? Map.of("pin", pin, "set", r.json()) : Map.of("pin", pin, "value", 0);
    }
}
