package io.uconform.server.auth;

import io.uconform.server.App;
import io.uconform.server.files.FileRoutes;
import io.uconform.server.files.WebRoot;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The reference device's access-controlled routes in one call: {@code /api/*} behind the
 * {@link DeviceAccounts} callback and {@code /files/...} (reads open, writes and deletes behind
 * Basic auth), both reading the credentials from the device configuration on every request.
 */
public final class ProtectedRoutes {
    public static final String REALM = "uconform";

    private ProtectedRoutes() {
    }

    public static App install(App app, WebRoot webRoot, Supplier<Credentials> credentials,
                              Set<io.uconform.server.ServerFault> faults) {
        new ApiRoutes(AccessGuard.withCallback(REALM, new DeviceAccounts(credentials,
                faults.contains(io.uconform.server.ServerFault.AUTH_ANY_USER)), faults)).install(app);
        new FileRoutes(webRoot, AccessGuard.basic(REALM, credentials, faults), faults).install(app, "/files");
        return app;
    }
}
