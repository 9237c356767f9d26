package io.uconform.server.home;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A home server on 127.0.0.1 answering scripted statuses (200 once the script runs out); records every post. */
final class FakeHome implements AutoCloseable {

    /** A status that makes the server hold the request until {@link #close()} (a timeout for the client). */
    static final int HANG = -1;

    record Post(long atNanos, String attempt, String body) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    FakeHome(Integer... statuses) throws IOException {
        script.addAll(List.of(statuses));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/home", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            posts.add(new Post(System.nanoTime(), exchange.getRequestHeaders().getFirst("X-Uconform-Attempt"),
                    new String(body, StandardCharsets.UTF_8)));
            Integer status = script.poll();
            if (status != null && status == HANG) {
                awaitClose();
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/home";
    }

    List<Post> posts() {
        return new ArrayList<>(posts);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void awaitClose() {
        try {
            closing.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
