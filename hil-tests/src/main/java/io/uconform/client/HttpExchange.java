package io.uconform.client;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One exchange made through {@link Http}, as sent and as answered, for a recorder.
 *
 * @param method  the request method
 * @param path    the request target as sent (path and query)
 * @param headers the request headers the check set
 * @param body    the request body, empty for none
 * @param reply   the reply; empty when none came (timeout, refused, reset: {@code failure} says which)
 * @param failure what happened instead of a reply; empty when a reply came
 */
public record HttpExchange(String method, String path, Map<String, String> headers, byte[] body,
                           Optional<HttpReply> reply, String failure) {

    public HttpExchange {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
        Objects.requireNonNull(reply, "reply");
        failure = failure == null ? "" : failure;
    }
}
