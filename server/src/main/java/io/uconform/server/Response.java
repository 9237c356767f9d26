package io.uconform.server;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable HTTP response: a fixed body (sent with Content-Length), a streamed body (sent
 * chunked, see {@link #chunked}) or a connection takeover (see {@link #upgrade}).
 *
 * <p>The engine owns the framing headers: Content-Length, Transfer-Encoding and Connection set here
 * are ignored, except {@code Connection: close}, which closes the connection after the response.
 */
public final class Response {
    public static final String JSON = "application/json";

    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;
    private final BodyWriter bodyWriter;
    private final ConnectionTakeover takeover;

    private Response(int status, Map<String, String> headers, byte[] body, BodyWriter bodyWriter,
                     ConnectionTakeover takeover) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status out of range: " + status);
        }
        this.status = status;
        this.headers = Collections.unmodifiableMap(headers);
        this.body = body;
        this.bodyWriter = bodyWriter;
        this.takeover = takeover;
    }

    /** 200 with {@code {"data": value}}. */
    public static Response data(Object value) {
        return data(200, value);
    }

    /** {@code status} with {@code {"data": value}}, e.g. 201. */
    public static Response data(int status, Object value) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("data", value);
        return json(status, envelope);
    }

    /** {@code status} with {@code {"error": message}}. */
    public static Response error(int status, String message) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("error", message);
        return json(status, envelope);
    }

    /** {@code status} with {@code value} written as JSON, without an envelope. */
    public static Response json(int status, Object value) {
        return of(status, JSON, Json.write(value).getBytes(StandardCharsets.UTF_8));
    }

    public static Response of(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new Response(status, headers, Objects.requireNonNull(body, "body").clone(), null, null);
    }

    /** A body produced while it is sent, framed with {@code Transfer-Encoding: chunked} (CHUNK-02). */
    public static Response chunked(int status, String contentType, BodyWriter writer) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new Response(status, headers, new byte[0], Objects.requireNonNull(writer, "writer"), null);
    }

    /**
     * Sends the status line and headers (no body, no Content-Length) and then hands the
     * connection to {@code takeover}; typical status: 101.
     */
    public static Response upgrade(int status, ConnectionTakeover takeover) {
        return new Response(status, new LinkedHashMap<>(), new byte[0], null,
                Objects.requireNonNull(takeover, "takeover"));
    }

    /** A copy with the header set (replacing one of the same name, compared case-insensitively). */
    public Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        copy.put(name, value);
        return new Response(status, copy, body, bodyWriter, takeover);
    }

    public Response withStatus(int newStatus) {
        return new Response(newStatus, new LinkedHashMap<>(headers), body, bodyWriter, takeover);
    }

    public int status() {
        return status;
    }

    /** Headers in insertion order; read-only. */
    public Map<String, String> headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /** The fixed body (a copy); empty for streamed and takeover responses. */
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public Optional<BodyWriter> bodyWriter() {
        return Optional.ofNullable(bodyWriter);
    }

    public Optional<ConnectionTakeover> takeover() {
        return Optional.ofNullable(takeover);
    }

    /** True when the handler asked for {@code Connection: close}. */
    public boolean wantsClose() {
        return header("Connection").map(v -> v.toLowerCase(Locale.ROOT).contains("close")).orElse(false);
    }

    /** Body length without copying. */
    public int bodyLength() {
        return body.length;
    }

    /** Writes the fixed body without copying it. */
    public void writeBodyTo(java.io.OutputStream out) throws java.io.IOException {
        out.write(body);
    }

    @Override
    public String toString() {
        return "Response[" + status + ", " + headers + ", " + body.length + " bytes"
                + (bodyWriter != null ? ", chunked" : "") + (takeover != null ? ", takeover" : "") + "]";
    }
}
