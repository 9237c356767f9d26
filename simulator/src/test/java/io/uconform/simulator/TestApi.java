package io.uconform.simulator;

import io.uconform.server.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A bounded JSON client over loopback for the simulator's tests (device and admin APIs). */
public final class TestApi {

    /** Status and parsed envelope of one exchange. */
    public record Reply(int status, Object json) {

        @SuppressWarnings("unchecked")
        public <T> T data() {
            return (T) ((Map<String, Object>) json).get("data");
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> dataMap() {
            return (Map<String, Object>) data();
        }

        @SuppressWarnings("unchecked")
        public String error() {
            return (String) ((Map<String, Object>) json).get("error");
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;

    public TestApi(URI base) {
        this.base = base;
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    /** A GET whose body is not JSON: the raw response. */
    public HttpResponse<String> getRaw(String path) {
        try {
            return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("GET " + base.resolve(path) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + path, e);
        }
    }

    public Reply send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), Json.parse(r.body()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(method + " " + base.resolve(path) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }
}
