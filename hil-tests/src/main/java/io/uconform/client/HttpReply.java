package io.uconform.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A response as received, for assertions. Header names are matched case-insensitively; values are
 * trimmed. {@code headers} keeps every value of repeated headers in arrival order.
 *
 * @param statusLine the raw status line, e.g. {@code HTTP/1.1 200 OK} (empty if the client does not expose it)
 * @param status     the status code
 * @param headers    lower-cased header name to values
 * @param body       body bytes (de-chunked), empty for none
 */
public record HttpReply(String statusLine, int status, Map<String, List<String>> headers, byte[] body) {

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body parsed as JSON (Jackson tree); fails the check with the body shown when it is not JSON. */
    public com.fasterxml.jackson.databind.JsonNode json() {
        return Json.parse(this);
    }
}
