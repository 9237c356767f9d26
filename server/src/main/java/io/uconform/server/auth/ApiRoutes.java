package io.uconform.server.auth;

import io.uconform.server.App;
import io.uconform.server.HttpError;
import java.util.Map;
import java.util.Set;

/**
 * The protected area {@code /api/*} (seeds/004): {@code GET /api/whoami} answers
 * {@code {"data":{"user":..}}}; any other {@code /api/...} path is a 404, but only after
 * authentication, so the protected area reveals nothing to strangers.
 */
public final class ApiRoutes {
    private final AccessGuard guard;

    public ApiRoutes(AccessGuard guard) {
        this.guard = guard;
    }

    public App install(App app) {
        app.route("/api/whoami", Set.of("GET"), guard.protect((request, user) -> Map.of("user", user)));
        app.route("/api/*", guard.protect((request, user) -> {
            throw new HttpError(404, "no API route for " + request.path());
        }));
        return app;
    }
}
