package io.uconform.client;

import java.util.Map;

/**
 * Well-formed HTTP/1.1 requests through the Micronaut HTTP client. Every status is returned as a
 * reply (4xx/5xx do not throw); a timeout or refused connection fails the check with the target,
 * the request and what was awaited. Requests and replies are recorded in the check's transcript.
 */
public interface Http {

    HttpReply get(String path);

    /** Any method; {@code body} may be null; {@code headers} may be empty. */
    HttpReply send(String method, String path, Map<String, String> headers, byte[] body);

    /** POST/PUT/... a JSON text with {@code Content-Type: application/json}. */
    default HttpReply sendJson(String method, String path, String json) {
        return send(method, path, Map.of("Content-Type", "application/json"),
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
