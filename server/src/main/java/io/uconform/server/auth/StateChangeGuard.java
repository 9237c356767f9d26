package io.uconform.server.auth;

import io.uconform.server.Request;
import io.uconform.server.RequestGuard;
import io.uconform.server.Response;
import java.util.Set;
import java.util.function.Supplier;

/**
 * AUTH-07: when credentials are configured, a request that changes the device's configuration or
 * lifecycle (any method but GET, HEAD and OPTIONS on one of the given paths, e.g.
 * {@code PUT /config}, {@code POST /system/reset}) needs valid Basic credentials; otherwise it is
 * answered 401 with the challenge before its handler runs (background routes included), so nothing
 * changes. With no password configured (a device being set up) these routes stay open. Reads the
 * credentials on every request, so a {@code PUT /config} that changes them takes effect at once.
 */
public final class StateChangeGuard implements RequestGuard {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final Set<String> paths;
    private final Supplier<Credentials> configured;
    private final AccessGuard access;

    private StateChangeGuard(Set<String> paths, Supplier<Credentials> configured, AccessGuard access) {
        this.paths = Set.copyOf(paths);
        this.configured = configured;
        this.access = access;
    }

    /** @param paths exact (decoded) paths whose changing methods are guarded */
    public static StateChangeGuard forPaths(Set<String> paths, Supplier<Credentials> configured) {
        return new StateChangeGuard(paths, configured, AccessGuard.basic(ProtectedRoutes.REALM, configured, Set.of()));
    }

    @Override
    public Response check(Request request) {
        if (READS.contains(request.method()) || !paths.contains(request.path())) {
            return null;
        }
        Credentials expected = configured.get();
        if (expected == null || expected.password().isEmpty()) {
            return null;
        }
        return access.authenticate(request).isPresent() ? null : access.challenge(request);
    }
}
