package io.uconform.client;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@link Http} through a Micronaut (Netty) client shared by every check of a target. Every status
 * comes back as a reply; timeouts and refused connections fail the check with the target, the
 * request and what was awaited. Each exchange is recorded in the check's transcript.
 */
public final class MicronautHttp implements Http {

    private final HttpClient client;
    private final Transcript transcript;
    private final String target;
    private final Duration replyTimeout;
    private final Map<String, String> tags;
    private final java.util.function.Consumer<HttpExchange> listener;

    /** @param replyTimeout the most one exchange may take, head and body */
    public MicronautHttp(HttpClient client, Transcript transcript, String target, Duration replyTimeout) {
        this(client, transcript, target, replyTimeout, Map.of(), exchange -> { });
    }

    /**
     * @param tags     headers added to every request and kept out of the transcript (a replay
     *                 target's check tag); empty for a device
     * @param listener told of every exchange once it ended, answered or not (a recorder)
     */
    public MicronautHttp(HttpClient client, Transcript transcript, String target, Duration replyTimeout,
                         Map<String, String> tags, java.util.function.Consumer<HttpExchange> listener) {
        this.client = client;
        this.transcript = transcript;
        this.target = target;
        this.replyTimeout = replyTimeout;
        this.tags = Map.copyOf(tags);
        this.listener = listener;
    }

    @Override
    public HttpReply get(String path) {
        return send("GET", path, Map.of(), null);
    }

    @Override
    public HttpReply send(String method, String path, Map<String, String> headers, byte[] body) {
        transcript.sentText("http", describe(method, path, headers, body));
        MutableHttpRequest<Object> request;
        try {
            request = HttpRequest.create(HttpMethod.parse(method), path, method);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(target + ": the HTTP client cannot send " + method + " " + path + " ("
                    + e.getMessage() + "); send malformed requests through ctx.raw()", e);
        }
        headers.forEach(request::header);
        tags.forEach(request::header);
        if (body != null) {
            request.body(body);
        }
        HttpResponse<byte[]> response;
        try {
            response = exchange(request, method);
        } catch (HttpClientResponseException e) {
            response = bytesOf(e.getResponse());
        } catch (IllegalStateException e) {
            transcript.note("http: no complete reply within " + replyTimeout.toMillis() + " ms");
            listener.accept(new HttpExchange(method, path, headers, body, java.util.Optional.empty(),
                    "no complete reply within " + replyTimeout.toMillis() + " ms"));
            throw new AssertionError(target + ": " + method + " " + path + " got no complete reply within "
                    + replyTimeout.toMillis() + " ms (a streaming route needs a streaming client)", e);
        } catch (RuntimeException e) {
            transcript.note("http: no reply: " + e.getMessage());
            listener.accept(new HttpExchange(method, path, headers, body, java.util.Optional.empty(),
                    "no reply: " + e.getMessage()));
            throw new AssertionError(target + ": " + method + " " + path + " got no reply (" + e.getMessage() + ")", e);
        }
        HttpReply reply = toReply(response);
        transcript.receivedText("http", describe(reply));
        listener.accept(new HttpExchange(method, path, headers, body, java.util.Optional.of(reply), ""));
        return reply;
    }

    /** Idempotent methods (RFC 9110 9.2.2): safe to send again when the connection closed before the response. */
    private static final java.util.Set<String> IDEMPOTENT = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT",
            "DELETE");

    /**
     * One exchange, bounded as a whole (a streaming route such as SSE never completes and keeps the
     * read timeout from firing). A server may close an idle persistent connection at any time (RFC
     * 9112 9.6), so a pooled connection can die just as a request goes out on it; as RFC 9112 9.3.1
     * allows, an idempotent request is then sent once more on a new connection, and the transcript
     * says so. A second close fails the check.
     */
    private HttpResponse<byte[]> exchange(MutableHttpRequest<Object> request, String method) {
        try {
            return Mono.from(client.exchange(request, Argument.of(byte[].class), Argument.of(byte[].class)))
                    .block(replyTimeout);
        } catch (io.micronaut.http.client.exceptions.ResponseClosedException e) {
            if (!IDEMPOTENT.contains(method.toUpperCase(Locale.ROOT))) {
                throw e;
            }
            transcript.note("http: the connection closed before the response (" + e.getMessage() + "); " + method
                    + " is idempotent: sent once more on a new connection (RFC 9112 9.3.1)");
            return Mono.from(client.exchange(request, Argument.of(byte[].class), Argument.of(byte[].class)))
                    .block(replyTimeout);
        }
    }

    @SuppressWarnings("unchecked")
    private static HttpResponse<byte[]> bytesOf(HttpResponse<?> response) {
        return (HttpResponse<byte[]>) response;
    }

    private static HttpReply toReply(HttpResponse<?> response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaders().names()) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .addAll(response.getHeaders().getAll(name).stream().map(String::trim).toList());
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        headers.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        byte[] body = response.getBody(byte[].class).orElse(new byte[0]);
        // the client does not expose the raw status line
        return new HttpReply("", response.code(), Collections.unmodifiableMap(frozen), body);
    }

    private static String describe(String method, String path, Map<String, String> headers, byte[] body) {
        StringBuilder s = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\n");
        headers.forEach((k, v) -> s.append(k).append(": ").append(v).append('\n'));
        if (body != null && body.length > 0) {
            s.append('\n').append(Escapes.printable(body, Transcript.MAX_ENTRY_BYTES));
        }
        return s.toString();
    }

    private static String describe(HttpReply reply) {
        StringBuilder s = new StringBuilder("HTTP/1.1 ").append(reply.status()).append('\n');
        reply.headers().forEach((k, values) -> values.forEach(v -> s.append(k).append(": ").append(v).append('\n')));
        if (reply.body().length > 0) {
            s.append('\n').append(Escapes.printable(reply.body(), Transcript.MAX_ENTRY_BYTES));
        }
        return s.toString();
    }
}
