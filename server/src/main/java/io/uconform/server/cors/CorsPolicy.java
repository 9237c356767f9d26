package io.uconform.server.cors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Cross-origin resource sharing (CORS-01..03). Off by default: then no {@code Access-Control-*}
 * header is ever sent. On: every response, errors included, carries
 * {@code Access-Control-Allow-Origin}, and a preflight is answered by the engine without invoking
 * the route's handler. Immutable.
 *
 * @param enabled      whether CORS headers are sent at all
 * @param allowOrigin  the {@code Access-Control-Allow-Origin} value, e.g. {@code *}
 * @param allowMethods the {@code Access-Control-Allow-Methods} value of preflight answers
 * @param allowHeaders the {@code Access-Control-Allow-Headers} value of preflight answers
 * @param maxAgeSeconds how long a browser may cache a preflight answer
 */
public record CorsPolicy(boolean enabled, String allowOrigin, String allowMethods, String allowHeaders,
                         int maxAgeSeconds) {

    public CorsPolicy {
        Objects.requireNonNull(allowOrigin, "allowOrigin");
        Objects.requireNonNull(allowMethods, "allowMethods");
        Objects.requireNonNull(allowHeaders, "allowHeaders");
        if (maxAgeSeconds < 0) {
            throw new IllegalArgumentException("CORS max age must be >= 0, was " + maxAgeSeconds);
        }
    }

    /** The default: no CORS headers (CORS-03). */
    public static CorsPolicy off() {
        return new CorsPolicy(false, "*", "", "", 0);
    }

    /** Any origin, the reference methods, {@code Authorization} and {@code Content-Type} allowed. */
    public static CorsPolicy anyOrigin() {
        return new CorsPolicy(true, "*", "GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS",
                "Authorization, Content-Type", 600);
    }

    /** The headers every response carries; empty when off. */
    public Map<String, String> responseHeaders() {
        return enabled ? Map.of("Access-Control-Allow-Origin", allowOrigin) : Map.of();
    }

    /** The extra headers of a preflight answer (CORS-02); empty when off. */
    public Map<String, String> preflightHeaders() {
        if (!enabled) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Methods", allowMethods);
        headers.put("Access-Control-Allow-Headers", allowHeaders);
        headers.put("Access-Control-Max-Age", Integer.toString(maxAgeSeconds));
        return headers;
    }
}
