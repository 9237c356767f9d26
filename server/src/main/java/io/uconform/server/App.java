package io.uconform.server;

import io.uconform.server.internal.RoutePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A named routing table. Routes match in registration order: the first route whose pattern and
 * method match wins. Unless the app registers {@code /} itself, {@code GET /} answers the index
 * {@code {"data":{"name":..,"routes":[..]}}} with every pattern sorted, {@code /} included (CORE-01).
 *
 * <p>Patterns: literal segments, {@code {name}} segments (one non-empty segment each) and a
 * trailing {@code *} (the rest of the path, possibly empty, as {@code param("*")}). A trailing slash
 * is significant (CORE-05). Register all routes before starting the server; not thread-safe.
 */
public final class App {
    /** Every method the engine knows (METH-02). */
    public static final Set<String> ANY = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    private final String name;
    private final List<Route> routes = new ArrayList<>();
    private final List<RequestGuard> guards = new ArrayList<>();
    private final List<ResponseFilter> filters = new ArrayList<>();

    public App(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** A route for every known method. */
    public App route(String pattern, Handler handler) {
        return add(new Route(pattern, ANY, handler, Route.Mode.NORMAL));
    }

    public App route(String pattern, Set<String> methods, Handler handler) {
        return add(new Route(pattern, normalize(methods), handler, Route.Mode.NORMAL));
    }

    /** A route whose body may be as large as {@link ServerLimits#maxUploadBytes()}. */
    public App upload(String pattern, Set<String> methods, Handler handler) {
        return add(new Route(pattern, normalize(methods), handler, Route.Mode.UPLOAD));
    }

    /**
     * A background route (NOWAIT-01): the client gets {@code 200 {"data":null}} at once and the
     * handler runs afterwards on the server's background thread; its result is discarded and its
     * exception logged.
     */
    public App nowait(String pattern, Set<String> methods, Handler handler) {
        return add(new Route(pattern, normalize(methods), handler, Route.Mode.NOWAIT));
    }

    /** Adds a guard; guards run in registration order and the first non-null answer wins. */
    public App guard(RequestGuard guard) {
        guards.add(Objects.requireNonNull(guard, "guard"));
        return this;
    }

    /** Adds a response filter; filters run in registration order. */
    public App filter(ResponseFilter filter) {
        filters.add(Objects.requireNonNull(filter, "filter"));
        return this;
    }

    public List<RequestGuard> guards() {
        return List.copyOf(guards);
    }

    public List<ResponseFilter> filters() {
        return List.copyOf(filters);
    }

    public String name() {
        return name;
    }

    /** The routes in registration order; read-only. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    private App add(Route route) {
        RoutePattern.validate(route.pattern());
        routes.add(route);
        return this;
    }

    private static Set<String> normalize(Set<String> methods) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("a route needs at least one method");
        }
        Set<String> upper = methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        for (String method : upper) {
            if (!ANY.contains(method)) {
                throw new IllegalArgumentException("unknown HTTP method: " + method);
            }
        }
        return upper;
    }
}
