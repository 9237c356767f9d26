package io.uconform.server.board;

import io.uconform.server.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A bounded JSON client for route tests over loopback. */
final class ApiClient {

    /** Status and parsed envelope of one exchange. */
    record Reply(int status, Object json) {

        @SuppressWarnings("unchecked")
        Object data() {
            return ((java.util.Map<String, Object>) json).get("data");
        }

        @SuppressWarnings("unchecked")
        String error() {
            return (String) ((java.util.Map<String, Object>) json).get("error");
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;

    ApiClient(URI base) {
        this.base = base;
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), Json.parse(r.body()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }
}
