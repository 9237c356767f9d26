package io.uconform.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * The usual callback: one user and password, read from the device configuration on every request
 * (so a {@code PUT /config} takes effect at once). Compares user and password in full and in
 * constant time (AUTH-03); with no password configured nobody gets in.
 */
public final class FixedCredentials implements AuthCallback {
    private final Supplier<Credentials> configured;
    private final boolean compareUser;

    private FixedCredentials(Supplier<Credentials> configured, boolean compareUser) {
        this.configured = configured;
        this.compareUser = compareUser;
    }

    public static FixedCredentials of(Supplier<Credentials> configured) {
        return new FixedCredentials(configured, true);
    }

    /** Fault AUTH_ANY_USER: the user name is not compared. */
    static FixedCredentials ignoringUser(Supplier<Credentials> configured) {
        return new FixedCredentials(configured, false);
    }

    @Override
    public Object check(String user, String password) {
        Credentials expected = configured.get();
        if (expected == null || expected.password().isEmpty()) {
            return Boolean.FALSE;
        }
        // both comparisons always run: the time taken does not tell which part was wrong
        boolean userMatches = equal(expected.user(), user);
        boolean passwordMatches = equal(expected.password(), password);
        return (userMatches || !compareUser) & passwordMatches;
    }

    private static boolean equal(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
