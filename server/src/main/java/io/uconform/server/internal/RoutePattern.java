package io.uconform.server.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Matching of route patterns ({@code /gpio/{n}}, {@code /files/*}) against decoded paths. */
public final class RoutePattern {
    private RoutePattern() {
    }

    /** @throws IllegalArgumentException for a pattern that does not start with '/' or misplaces '*' */
    public static void validate(String pattern) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("route pattern must start with '/': " + pattern);
        }
        int star = pattern.indexOf('*');
        if (star >= 0 && (star != pattern.length() - 1 || pattern.charAt(star - 1) != '/')) {
            throw new IllegalArgumentException("'*' is allowed only as the last segment: " + pattern);
        }
        for (String segment : pattern.substring(1).split("/", -1)) {
            if (segment.startsWith("{") != segment.endsWith("}") || "{}".equals(segment)) {
                throw new IllegalArgumentException("malformed parameter segment '" + segment + "' in " + pattern);
            }
        }
    }

    /** The path parameters when {@code path} matches {@code pattern}; empty otherwise. */
    public static Optional<Map<String, String>> match(String pattern, String path) {
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        String[] want = pattern.substring(1).split("/", -1);
        String[] have = path.substring(1).split("/", -1);
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            String segment = want[i];
            if ("*".equals(segment) && i == want.length - 1) {
                if (have.length < want.length) {
                    return Optional.empty();
                }
                params.put("*", String.join("/", java.util.Arrays.copyOfRange(have, i, have.length)));
                return Optional.of(params);
            }
            if (i >= have.length) {
                return Optional.empty();
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (have[i].isEmpty()) {
                    return Optional.empty();
                }
                params.put(segment.substring(1, segment.length() - 1), have[i]);
            } else if (!segment.equals(have[i])) {
                return Optional.empty();
            }
        }
        return have.length == want.length ? Optional.of(params) : Optional.empty();
    }
}
