package io.uconform.server.support;

import io.uconform.server.ReferenceServer;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * One quick yes/no probe per requirement that a {@link io.uconform.server.ServerFault} targets:
 * true when the server behaves as the contract says. Used to prove that each fault breaks its own
 * requirement and nothing else. Probes run in map order; the ones that leave lasting state
 * (ROB-01 counts rejects, ROB-03 may kill the server) come last.
 */
public final class ConformanceProbes {
    /** A probe of one requirement against a running test server. */
    @FunctionalInterface
    public interface Probe {
        boolean conforms(ReferenceServer server) throws Exception;
    }

    private ConformanceProbes() {
    }

    public static Map<String, Probe> all() {
        Map<String, Probe> probes = new LinkedHashMap<>();
        probes.put("PROTO-03", s -> rawAll(s, "HEAD /led HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").endsWith("\r\n\r\n"));
        probes.put("PROTO-04", s -> status(s, "GET /led?x=1 HTTP/1.1\r\nHost: t\r\n\r\n") == 200
                && status(s, "GET /%6Ced HTTP/1.1\r\nHost: t\r\n\r\n") == 200);
        probes.put("PROTO-05", s -> one(s, "GET /query?b=x+y HTTP/1.1\r\nHost: t\r\n\r\n").text().contains("\"x y\""));
        probes.put("CORE-01", s -> {
            String text = one(s, "GET / HTTP/1.1\r\nHost: t\r\n\r\n").text();
            return text.indexOf("\"/boom\"") < text.indexOf("\"/led\"") && text.indexOf("\"/\"") < text.indexOf("\"/boom\"");
        });
        probes.put("CORE-05", s -> status(s, "GET /led/ HTTP/1.1\r\nHost: t\r\n\r\n") == 404);
        probes.put("METH-01", s -> {
            RawResponse r = one(s, "DELETE /led HTTP/1.1\r\nHost: t\r\n\r\n");
            return r.status() == 405 && r.header("Allow") != null;
        });
        probes.put("METH-02", s -> status(s, "get /led HTTP/1.1\r\nHost: t\r\n\r\n") == 501);
        probes.put("METH-03", s -> status(s, "POST /echo HTTP/1.1\r\nHost: t\r\n\r\n{\"a\":1}") == 411);
        probes.put("METH-04", s -> {
            int before = TestServers.HITS.get();
            RawResponse r = one(s, "OPTIONS /hits HTTP/1.1\r\nHost: t\r\n\r\n");
            return r.status() == 204 && r.header("Allow") != null && TestServers.HITS.get() == before;
        });
        probes.put("ERR-02", s -> status(s, "GET /led HTTP/2.0\r\nHost: t\r\n\r\n") == 505);
        probes.put("ERR-03", s -> status(s, "GET /led HTTP/1.1\r\n\r\n") == 400);
        probes.put("ERR-04", s -> status(s, "GET /led HTTP/1.1\r\nHost: t\r\nX-A: 1\r\n folded\r\n\r\n") == 400);
        probes.put("KA-02", s -> {
            try (RawHttp http = RawHttp.connect(s.port())) {
                http.send("GET /led HTTP/1.0\r\n\r\n").read();
                // A second request at once, not a wait shorter than the idle timeout: a server that
                // kept the connection answers it (however late this thread runs on a loaded
                // machine, within keep-alive idle); one that closed gives the end of the stream.
                try {
                    http.send("GET /led HTTP/1.0\r\n\r\n");
                } catch (IOException closed) {
                    return true;
                }
                http.timeout(s.options().limits().keepAliveIdle());
                try {
                    return http.input().read() < 0;
                } catch (SocketTimeoutException kept) {
                    return false;
                } catch (IOException reset) {
                    return true;
                }
            }
        });
        probes.put("KA-04", s -> {
            try (RawHttp http = RawHttp.connect(s.port())) {
                http.get("/led").read();
                http.timeout(s.options().limits().keepAliveIdle().multipliedBy(4));
                return http.closedByServer();
            }
        });
        probes.put("KA-05", s -> {
            try (RawHttp http = RawHttp.connect(s.port())) {
                http.send("GET /gpio/1 HTTP/1.1\r\nHost: t\r\n\r\nGET /gpio/2 HTTP/1.1\r\nHost: t\r\n\r\n");
                http.read();
                http.timeout(Duration.ofMillis(1500));
                try {
                    return http.read().text().contains("\"pin\":2");
                } catch (SocketTimeoutException e) {
                    return false;
                }
            }
        });
        probes.put("LIM-03", s -> status(s, "POST /text HTTP/1.1\r\nHost: t\r\nContent-Length: 70000\r\n\r\n"
                + "x".repeat(70000)) == 413);
        probes.put("LIM-04", s -> {
            try (RawHttp http = RawHttp.connect(s.port())) {
                http.send("GET /led HTTP/1.1\r\nHost: t\r\n");
                http.timeout(s.options().limits().headerTimeout().multipliedBy(4));
                return http.closedByServer();
            }
        });
        probes.put("LIM-06", s -> status(s, "PUT /nope HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n"
                + "Expect: 100-continue\r\n\r\n") == 404);
        probes.put("NOWAIT-01", ConformanceProbes::nowait);
        probes.put("ROB-01", s -> {
            for (int i = 0; i < 40; i++) {
                try (RawHttp http = RawHttp.connect(s.port())) {
                    http.send("\u0001garbage " + i + "\r\n\r\n").read();
                }
            }
            return one(s, "GET / HTTP/1.1\r\nHost: t\r\n\r\n").status() == 200;
        });
        probes.put("ROB-03", s -> {
            try (RawHttp http = RawHttp.connect(s.port())) {
                http.timeout(Duration.ofMillis(500)).send("HEAD /led HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
                http.closedByServer();
            }
            try (RawHttp other = RawHttp.connect(s.port())) {
                return other.get("/led").read().status() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return probes;
    }

    private static boolean nowait(ReferenceServer s) throws Exception {
        int before = TestServers.WORK_DONE.get();
        CountDownLatch gate = new CountDownLatch(1);
        TestServers.workGate = gate;
        try (RawHttp http = RawHttp.connect(s.port())) {
            http.timeout(Duration.ofMillis(1500));
            RawResponse response = http.send("POST /work HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n").read();
            boolean answeredFirst = response.text().equals("{\"data\":null}") && TestServers.WORK_DONE.get() == before;
            gate.countDown();
            org.awaitility.Awaitility.await("background work of POST /work").atMost(Duration.ofSeconds(3))
                    .until(() -> TestServers.WORK_DONE.get() > before);
            return answeredFirst;
        } catch (SocketTimeoutException e) {
            return false;
        } finally {
            gate.countDown();
        }
    }

    private static RawResponse one(ReferenceServer s, String request) throws IOException {
        try (RawHttp http = RawHttp.connect(s.port())) {
            return http.send(request).read();
        }
    }

    private static int status(ReferenceServer s, String request) throws IOException {
        return one(s, request).status();
    }

    private static String rawAll(ReferenceServer s, String request) throws IOException {
        try (RawHttp http = RawHttp.connect(s.port())) {
            return http.send(request).readAll();
        }
    }

    /** Requirements whose probes mostly wait for a server timeout; they may run beside the others. */
    public static final List<String> SLOW = List.of("KA-04", "LIM-04");

    /** Requirements whose probes change server state or need the server to survive HEAD. */
    public static final List<String> STATEFUL = List.of("ROB-01", "ROB-03");
}
