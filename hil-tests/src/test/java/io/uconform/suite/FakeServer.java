package io.uconform.suite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A tiny loopback HTTP server for testing the harness: {@code /} answers JSON, {@code /hang}
 * never answers (until stopped), {@code /crash} stops the whole server as a crashing device would.
 */
final class FakeServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final CountDownLatch stopped = new CountDownLatch(1);

    FakeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/hang")) {
            awaitStop();
            exchange.close();
            return;
        }
        if (path.equals("/crash")) {
            // dies before answering, as a crashing device does: stops listening, then drops the connection
            close();
            exchange.close();
            return;
        }
        int status = path.equals("/") ? 200 : 404;
        byte[] body = (status == 200 ? "{\"data\":{\"name\":\"fake\",\"routes\":[\"/\"]}}"
                : "{\"error\":\"no route <" + path + ">\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void awaitStop() {
        try {
            stopped.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
