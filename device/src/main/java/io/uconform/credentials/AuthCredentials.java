package io.uconform.credentials;

import io.uconform.console.SecretMask;
import io.uconform.profile.Profile;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP Basic credentials the device is configured with: the ones the profile tells the suite
 * to use ({@code authUser}, {@code authPassword}), so that the auth checks and the board agree.
 * {@link #toString()} never shows the password.
 */
public record AuthCredentials(String user, String password) {

    public AuthCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** The profile's credentials, when it names both. */
    public static Optional<AuthCredentials> fromProfile(Profile profile) {
        return profile.param("authUser").flatMap(u -> profile.param("authPassword").map(p -> new AuthCredentials(u, p)));
    }

    public SecretMask mask() {
        return SecretMask.of(password);
    }

    @Override
    public String toString() {
        return "AuthCredentials[user=" + user + ", password=" + SecretMask.MASK + "]";
    }
}
