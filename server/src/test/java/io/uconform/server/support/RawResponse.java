package io.uconform.server.support;

import io.uconform.server.Json;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A response as it came off the wire.
 *
 * @param headers lower-case names; the last value wins
 * @param duplicateHeaders how many header names appeared more than once
 */
public record RawResponse(String statusLine, int status, Map<String, String> headers, int duplicateHeaders,
                          byte[] body) {

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public Object json() {
        return Json.parse(text());
    }

    @Override
    public String toString() {
        return statusLine + " " + headers + " " + text();
    }
}
