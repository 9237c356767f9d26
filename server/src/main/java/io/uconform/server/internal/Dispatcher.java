package io.uconform.server.internal;

import io.uconform.server.App;
import io.uconform.server.HttpError;
import io.uconform.server.Request;
import io.uconform.server.RequestGuard;
import io.uconform.server.Response;
import io.uconform.server.ResponseFilter;
import io.uconform.server.Route;
import io.uconform.server.ServerFault;
import io.uconform.server.cors.Preflight;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * Turns a routed request into a response: the handler's result in the JSON envelope (CORE-02),
 * handler failures as 404/405/500 envelopes (CORE-03/04, METH-01), OPTIONS with {@code Allow}
 * (METH-04), the built-in index (CORE-01), guards, filters and background routes (NOWAIT-01).
 */
final class Dispatcher {
    private static final System.Logger LOG = System.getLogger("io.uconform.server");
    private static final int DEGRADE_AFTER_REJECTS = 30;

    /** A response and the work to start once it is on the wire (NOWAIT), if any. */
    record Outcome(Response response, Runnable afterSend) {
    }

    private final Engine engine;

    Dispatcher(Engine engine) {
        this.engine = engine;
    }

    Router.Resolution resolve(Request request) {
        if ("*".equals(request.rawTarget())) {
            return new Router.Resolution(Router.Resolution.Kind.OPTIONS, null, Map.of(), new TreeSet<>(App.ANY));
        }
        String path = request.path();
        if (has(ServerFault.PATH_NOT_DECODED)) {
            int q = request.rawTarget().indexOf('?');
            path = q < 0 ? request.rawTarget() : request.rawTarget().substring(0, q);
        }
        return engine.router.resolve(request.method(), path);
    }

    Outcome dispatch(Router.Resolution resolution, Request request) {
        if (engine.cors.enabled() && Preflight.is(request) && resolution.kind() != Router.Resolution.Kind.NOT_FOUND) {
            return preflight(resolution, request);
        }
        switch (resolution.kind()) {
            case NOT_FOUND:
                return sendOnly(Response.error(404, "no route for " + request.path()));
            case NOT_ALLOWED:
                String allowed = String.join(", ", resolution.allowed());
                Response notAllowed = Response.error(405, "method " + request.method() + " is not allowed on "
                        + request.path() + "; allowed: " + allowed);
                return sendOnly(has(ServerFault.NO_ALLOW_ON_405) ? notAllowed : notAllowed.withHeader("Allow", allowed));
            case OPTIONS:
                return sendOnly(Response.of(204, null, new byte[0])
                        .withHeader("Allow", String.join(", ", resolution.allowed())));
            default:
                Response refused = guard(request);
                if (refused != null) {
                    return sendOnly(refused);
                }
                return resolution.kind() == Router.Resolution.Kind.INDEX ? sendOnly(index())
                        : invoke(resolution.route(), request);
        }
    }

    /** CORS-02: answered here, never by the route's handler (unless a fault says so). */
    private Outcome preflight(Router.Resolution resolution, Request request) {
        if (has(ServerFault.CORS_PREFLIGHT_TO_HANDLER)) {
            String requested = request.header("Access-Control-Request-Method").orElse("GET").trim();
            Router.Resolution target = engine.router.resolve(requested, request.path());
            if (target.kind() == Router.Resolution.Kind.FOUND) {
                return invoke(target.route(), request);
            }
        }
        String allow = resolution.allowed().isEmpty() ? String.join(", ", new TreeSet<>(App.ANY))
                : String.join(", ", resolution.allowed());
        return sendOnly(Preflight.answer(engine.cors, allow));
    }

    /** The app's filters applied to any response; a failing filter is logged and skipped. */
    Response filter(Request request, Response response) {
        Response current = response;
        for (ResponseFilter filter : engine.app.filters()) {
            try {
                Response next = filter.apply(request, current);
                current = next == null ? current : next;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "response filter failed", e);
            }
        }
        return current;
    }

    private Response guard(Request request) {
        for (RequestGuard guard : engine.app.guards()) {
            Response answer = call(() -> guard.check(request), request);
            if (answer != null) {
                return answer;
            }
        }
        return null;
    }

    private Outcome invoke(Route route, Request request) {
        if (route.mode() == Route.Mode.NOWAIT) {
            if (has(ServerFault.NOWAIT_BLOCKS)) {
                BackgroundRunner.run(route.handler(), request);
                return sendOnly(Response.data(null));
            }
            if (!engine.background.hasRoom()) {
                return sendOnly(Response.error(503, "background work queue is full; try again later"));
            }
            return new Outcome(Response.data(null), () -> engine.background.submit(route.handler(), request));
        }
        return sendOnly(call(() -> {
            Object result = route.handler().handle(request);
            return result instanceof Response ? (Response) result : Response.data(result);
        }, request));
    }

    /** Application code under the CORE-04 rules: HttpError keeps its status, anything else is a 500. */
    private Response call(Callable<Response> code, Request request) {
        try {
            return code.call();
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

    private static Outcome sendOnly(Response response) {
        return new Outcome(response, null);
    }

    private boolean has(ServerFault fault) {
        return engine.options.has(fault);
    }
}
