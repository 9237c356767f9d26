package io.uconform.simulator;

import io.uconform.server.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads a server-sent event stream on a daemon thread into a list the test can await (with
 * Awaitility). {@link #close()} ends the stream. For the simulator's tests.
 */
public final class SseReader implements AutoCloseable {

    /** One event: its name and its data parsed as JSON. */
    public record Event(String name, Object data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile Stream<String> lines;
    private volatile int status;

    public SseReader(URI uri) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        reader = new Thread(() -> read(client, uri), "sse-reader:" + uri);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(HttpClient client, URI uri) {
        try {
            HttpResponse<Stream<String>> r = client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofLines());
            status = r.statusCode();
            lines = r.body();
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(name, Json.parse(data.toString())));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(6));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the stream ended (closed by the test or the server)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int status() {
        return status;
    }

    public List<Event> events() {
        return new ArrayList<>(events);
    }

    /** Events named {@code name} whose data matches. */
    public List<Event> events(String name, Predicate<Object> data) {
        return events.stream().filter(e -> e.name().equals(name) && data.test(e.data())).toList();
    }

    @Override
    public void close() {
        Stream<String> s = lines;
        if (s != null) {
            s.close();
        }
        reader.interrupt();
    }
}
