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
    record Reply(int status, Object json, java.util.Map<String, java.util.List<String>> headers) {

        java.util.Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

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
        return send(method, path, body, java.util.Map.of());
    }

    /** With extra request headers, e.g. {@code Authorization}. */
    Reply send(String method, String path, String body, java.util.Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        try {
            HttpResponse<String> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), Json.parse(r.body()), r.headers().map());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }
}
