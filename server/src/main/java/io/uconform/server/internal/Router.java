package io.uconform.server.internal;

import io.uconform.server.App;
import io.uconform.server.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Matches a decoded path and method against the app's routes (first match wins) and serves the
 * built-in index at {@code /} unless the app has its own {@code /} route.
 */
final class Router {
    static final String INDEX_PATTERN = "/";
    private static final Set<String> INDEX_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** What a request resolves to; {@code route} is null for the built-in index. */
    record Resolution(Kind kind, Route route, Map<String, String> params, Set<String> allowed) {
        enum Kind { FOUND, INDEX, OPTIONS, NOT_FOUND, NOT_ALLOWED }
    }

    private final List<Route> routes;
    private final boolean builtInIndex;
    private final boolean ignoreTrailingSlash;
    private final boolean optionsToHandler;

    Router(App app, boolean ignoreTrailingSlash, boolean optionsToHandler) {
        this.routes = app.routes();
        this.builtInIndex = routes.stream().noneMatch(r -> INDEX_PATTERN.equals(r.pattern()));
        this.ignoreTrailingSlash = ignoreTrailingSlash;
        this.optionsToHandler = optionsToHandler;
    }

    Resolution resolve(String method, String path) {
        Resolution resolution = resolveExact(method, path);
        if (resolution.kind() == Resolution.Kind.NOT_FOUND && ignoreTrailingSlash
                && path.length() > 1 && path.endsWith("/")) {
            return resolveExact(method, path.substring(0, path.length() - 1));
        }
        return resolution;
    }

    /** Every pattern, the index included, sorted (CORE-01). */
    List<String> indexPatterns() {
        Set<String> patterns = new TreeSet<>();
        patterns.add(INDEX_PATTERN);
        routes.forEach(r -> patterns.add(r.pattern()));
        return new ArrayList<>(patterns);
    }

    private Resolution resolveExact(String method, String path) {
        if (builtInIndex && INDEX_PATTERN.equals(path)) {
            return builtIn(method);
        }
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> params = RoutePattern.match(route.pattern(), path);
            if (params.isEmpty()) {
                continue;
            }
            if ("OPTIONS".equals(method) ? optionsToHandler : route.allows(method)) {
                return new Resolution(Resolution.Kind.FOUND, route, params.get(), Set.of());
            }
            allowed.addAll(route.methods());
            if (route.methods().contains("GET")) {
                allowed.add("HEAD");
            }
        }
        if (allowed.isEmpty()) {
            return new Resolution(Resolution.Kind.NOT_FOUND, null, Map.of(), Set.of());
        }
        allowed.add("OPTIONS");
        Resolution.Kind kind = "OPTIONS".equals(method) ? Resolution.Kind.OPTIONS : Resolution.Kind.NOT_ALLOWED;
        return new Resolution(kind, null, Map.of(), allowed);
    }

    private Resolution builtIn(String method) {
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return new Resolution(Resolution.Kind.INDEX, null, Map.of(), INDEX_METHODS);
        }
        Resolution.Kind kind = "OPTIONS".equals(method) ? Resolution.Kind.OPTIONS : Resolution.Kind.NOT_ALLOWED;
        return new Resolution(kind, null, Map.of(), new TreeSet<>(INDEX_METHODS));
    }
}
