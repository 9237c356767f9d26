package io.uconform.server.internal;

import io.uconform.server.App;
import io.uconform.server.HttpError;
import io.uconform.server.Request;
import io.uconform.server.Response;
import io.uconform.server.Route;
import io.uconform.server.ServerFault;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a routed request into a response: the handler's result in the JSON envelope (CORE-02),
 * handler failures as 404/405/500 envelopes (CORE-03/04, METH-01), OPTIONS with {@code Allow}
 * (METH-04), the built-in index (CORE-01) and background routes (NOWAIT-01).
 */
final class Dispatcher {
    private static final System.Logger LOG = System.getLogger("io.uconform.server");
    private static final int DEGRADE_AFTER_REJECTS = 100;

    private final Engine engine;

    Dispatcher(Engine engine) {
        this.engine = engine;
    }

    Router.Resolution resolve(Request request) {
        String path = request.path();
        if ("*".equals(request.rawTarget())) {
            return new Router.Resolution(Router.Resolution.Kind.OPTIONS, null, java.util.Map.of(),
                    new java.util.TreeSet<>(App.ANY));
        }
        if (has(ServerFault.QUERY_IN_ROUTE_MATCH)) {
            int q = request.rawTarget().indexOf('?');
            path = q < 0 ? path : path + request.rawTarget().substring(q);
        }
        return engine.router.resolve(request.method(), path);
    }

    Response dispatch(Router.Resolution resolution, Request request) {
        switch (resolution.kind()) {
            case NOT_FOUND:
                return Response.error(404, "no route for " + request.path());
            case NOT_ALLOWED:
                Response notAllowed = Response.error(405, "method " + request.method() + " is not allowed on "
                        + request.path() + "; allowed: " + String.join(", ", resolution.allowed()));
                return has(ServerFault.NO_ALLOW_ON_405) ? notAllowed
                        : notAllowed.withHeader("Allow", String.join(", ", resolution.allowed()));
            case OPTIONS:
                return Response.of(204, null, new byte[0]).withHeader("Allow", String.join(", ", resolution.allowed()));
            case INDEX:
                return index();
            default:
                return invoke(resolution.route(), request);
        }
    }

    /** After the response is on the wire: start the background work of a NOWAIT route. */
    void afterResponse(Router.Resolution resolution, Request request) {
        Route route = resolution.route();
        if (route != null && route.mode() == Route.Mode.NOWAIT && !has(ServerFault.NOWAIT_BLOCKS)
                && resolution.kind() == Router.Resolution.Kind.FOUND) {
            engine.background.submit(route.handler(), request);
        }
    }

    private Response invoke(Route route, Request request) {
        if (route.mode() == Route.Mode.NOWAIT) {
            if (has(ServerFault.NOWAIT_BLOCKS)) {
                BackgroundRunner.run(route.handler(), request);
                return Response.data(null);
            }
            return engine.background.hasRoom() ? Response.data(null)
                    : Response.error(503, "background work queue is full; try again later");
        }
        try {
            Object result = route.handler().handle(request);
            return result instanceof Response ? (Response) result : Response.data(result);
        } catch (HttpError e) {
            return Response.error(e.status(), e.getMessage());
        } catch (Exception | StackOverflowError | AssertionError | LinkageError e) {
            engine.stats.handlerErrors.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "handler for " + request + " failed", e);
            return Response.error(500, "handler for " + request.method() + " " + request.path()
                    + " failed: " + e.getClass().getSimpleName());
        }
    }

    private Response index() {
        if (has(ServerFault.DEGRADES_AFTER_HOSTILE_INPUT)
                && engine.stats.requestsRejected.get() >= DEGRADE_AFTER_REJECTS) {
            return Response.error(500, "index unavailable");
        }
        List<String> patterns = engine.router.indexPatterns();
        if (has(ServerFault.INDEX_UNSORTED)) {
            Collections.reverse(patterns);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", engine.app.name());
        data.put("routes", patterns);
        return Response.data(data);
    }

    private boolean has(ServerFault fault) {
        return engine.options.has(fault);
    }
}
