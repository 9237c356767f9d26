package io.uconform.server.auth;

import io.uconform.server.Handler;
import io.uconform.server.Request;
import io.uconform.server.Response;
import io.uconform.server.ServerFault;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Basic access control for a set of routes (AUTH-01..05): only an {@code Authorization: Basic}
 * header counts (never Bearer tokens, cookies or query parameters), and the {@link AuthCallback}
 * grants only on exactly {@link Boolean#TRUE}. Denials are {@code 401} with
 * {@code WWW-Authenticate: Basic realm="..."}. Credentials never appear in answers or logs.
 * Immutable and thread-safe.
 */
public final class AccessGuard {
    private static final System.Logger LOG = System.getLogger("io.uconform.server.auth");

    private final String realm;
    private final AuthCallback callback;
    private final Set<ServerFault> faults;

    private AccessGuard(String realm, AuthCallback callback, Set<ServerFault> faults) {
        if (realm.contains("\"") || realm.contains("\\")) {
            throw new IllegalArgumentException("realm must not contain quotes or backslashes: " + realm);
        }
        this.realm = realm;
        this.callback = Objects.requireNonNull(callback, "callback");
        this.faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
    }

    /** One user and password, read from {@code configured} on every request. */
    public static AccessGuard basic(String realm, Supplier<Credentials> configured, Set<ServerFault> faults) {
        AuthCallback check = faults.contains(ServerFault.AUTH_ANY_USER)
                ? FixedCredentials.ignoringUser(configured) : FixedCredentials.of(configured);
        return new AccessGuard(realm, check, faults);
    }

    /** A custom callback (seeds/004, uhttpd {@code AUTH_CUSTOM}). */
    public static AccessGuard withCallback(String realm, AuthCallback callback, Set<ServerFault> faults) {
        return new AccessGuard(realm, callback, faults);
    }

    /** The authenticated user, or empty when the request must be denied. */
    public Optional<String> authenticate(Request request) {
        Optional<Credentials> credentials = request.header("Authorization").flatMap(this::credentials);
        if (credentials.isEmpty()) {
            return Optional.empty();
        }
        Object verdict;
        try {
            verdict = callback.check(credentials.get().user(), credentials.get().password());
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "auth callback failed for {0}: {1}", request, e.getClass().getSimpleName());
            return Optional.empty();
        }
        return grants(verdict) ? Optional.of(credentials.get().user()) : Optional.empty();
    }

    /** Wraps {@code handler}: it runs only for authenticated requests, otherwise the answer is a 401. */
    public Handler protect(AuthenticatedHandler handler) {
        return request -> {
            Optional<String> user = authenticate(request);
            return user.isPresent() ? handler.handle(request, user.get()) : challenge(request);
        };
    }

    /** The 401 answer for a denied request (AUTH-01). */
    public Response challenge(Request request) {
        Response denied = Response.error(401, "authentication required for " + request.path());
        return faults.contains(ServerFault.AUTH_NO_CHALLENGE) ? denied
                : denied.withHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
    }

    public String realm() {
        return realm;
    }

    private Optional<Credentials> credentials(String header) {
        if (faults.contains(ServerFault.AUTH_BEARER_ACCEPTED) && header.trim().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return BasicCredentials.parse("Basic " + header.trim().substring(7), false);
        }
        return BasicCredentials.parse(header, faults.contains(ServerFault.AUTH_SCHEME_CASE_SENSITIVE));
    }

    private boolean grants(Object verdict) {
        if (faults.contains(ServerFault.AUTH_CALLBACK_TRUTHY)) {
            return verdict != null && !Boolean.FALSE.equals(verdict) && !"".equals(verdict);
        }
        return Boolean.TRUE.equals(verdict);
    }
}
