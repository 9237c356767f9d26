package io.uconform.server;

import io.uconform.server.internal.Percent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable, fully read HTTP request as a handler sees it.
 *
 * <p>{@link #path()} is percent-decoded ({@code +} stays {@code +}, PROTO-04); the query is parsed
 * with {@code +} as space and repeated keys kept (PROTO-05). Header names compare case-insensitively.
 */
public final class Request {
    private final String method;
    private final String rawTarget;
    private final String path;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Map<String, String> params;
    private final String remoteAddress;

    private Request(String method, String rawTarget, String path, Map<String, List<String>> query,
                    Map<String, List<String>> headers, byte[] body, Map<String, String> params,
                    String remoteAddress) {
        this.method = method;
        this.rawTarget = rawTarget;
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.params = params;
        this.remoteAddress = remoteAddress;
    }

    /**
     * Builds a request (the engine uses this; tests may too).
     *
     * @param rawTarget origin-form target such as {@code /a%20b?x=1}
     * @param headers header name/value pairs in arrival order
     * @throws HttpError 400 when the path is not valid percent-encoded UTF-8
     */
    public static Request of(String method, String rawTarget, List<Map.Entry<String, String>> headers,
                             byte[] body, String remoteAddress) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawTarget, "rawTarget");
        int q = rawTarget.indexOf('?');
        String rawPath = q < 0 ? rawTarget : rawTarget.substring(0, q);
        String rawQuery = q < 0 ? "" : rawTarget.substring(q + 1);
        String path = Percent.decodePath(rawPath)
                .orElseThrow(() -> new HttpError(400, "invalid percent-encoding in path: " + rawPath));
        Map<String, List<String>> headerMap = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> header : headers) {
            headerMap.computeIfAbsent(header.getKey(), k -> new ArrayList<>()).add(header.getValue());
        }
        headerMap.replaceAll((k, v) -> List.copyOf(v));
        return new Request(method, rawTarget, path, Percent.parseQuery(rawQuery),
                Collections.unmodifiableMap(headerMap), body == null ? new byte[0] : body,
                Map.of(), remoteAddress == null ? "" : remoteAddress);
    }

    /** A copy carrying the path parameters of the matched route. */
    public Request withParams(Map<String, String> newParams) {
        return new Request(method, rawTarget, path, query, headers, body,
                Collections.unmodifiableMap(new LinkedHashMap<>(newParams)), remoteAddress);
    }

    public String method() {
        return method;
    }

    /** The percent-decoded path, without the query. */
    public String path() {
        return path;
    }

    /** The request target exactly as received. */
    public String rawTarget() {
        return rawTarget;
    }

    /** Query parameters in arrival order, values decoded; read-only. */
    public Map<String, List<String>> query() {
        return query;
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a header, name compared case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** All headers; the map compares names case-insensitively; read-only. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The body bytes (a copy); empty when there is none. */
    public byte[] body() {
        return body.clone();
    }

    public int bodyLength() {
        return body.length;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body parsed as JSON ({@code null} for the JSON literal null).
     *
     * @throws HttpError 400 for an empty body or invalid JSON (ERR-06)
     */
    public Object json() {
        if (body.length == 0) {
            throw new HttpError(400, "request body is empty; expected JSON");
        }
        try {
            return Json.parse(bodyText());
        } catch (JsonException e) {
            throw new HttpError(400, "invalid JSON body: " + e.getMessage());
        }
    }

    /** A path parameter from a {@code {name}} segment; {@code "*"} gives the wildcard rest. */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    public Map<String, String> params() {
        return params;
    }

    /** The client's address as {@code host:port}. */
    public String remoteAddress() {
        return remoteAddress;
    }

    /** Method and decoded path only: the query may carry secrets and is never logged. */
    @Override
    public String toString() {
        return method + " " + path;
    }
}
