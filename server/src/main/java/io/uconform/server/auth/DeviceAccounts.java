package io.uconform.server.auth;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The reference device's callback for {@code /api/*}: the configured user is granted
 * ({@link Boolean#TRUE}); the built-in locked account {@value #LOCKED_USER} (password
 * {@value #LOCKED_PASSWORD}) yields its account record, a truthy value that must not grant (AUTH-05);
 * everyone else gets {@link Boolean#FALSE}.
 */
public final class DeviceAccounts implements AuthCallback {
    public static final String LOCKED_USER = "guest";
    public static final String LOCKED_PASSWORD = "guest";

    private final FixedCredentials configured;

    public DeviceAccounts(Supplier<Credentials> configured) {
        this(configured, false);
    }

    /** @param anyUser fault AUTH_ANY_USER: the user name is not compared */
    DeviceAccounts(Supplier<Credentials> configured, boolean anyUser) {
        this.configured = anyUser ? FixedCredentials.ignoringUser(configured) : FixedCredentials.of(configured);
    }

    @Override
    public Object check(String user, String password) {
        Object verdict = configured.check(user, password);
        if (Boolean.TRUE.equals(verdict)) {
            return verdict;
        }
        if (LOCKED_USER.equals(user) && LOCKED_PASSWORD.equals(password)) {
            return Map.of("user", LOCKED_USER, "locked", true);
        }
        return Boolean.FALSE;
    }
}
