package io.uconform.server.auth;

import java.util.Objects;

/**
 * A user name and password as sent in a Basic {@code Authorization} header. Immutable;
 * {@link #toString()} never shows the password.
 */
public record Credentials(String user, String password) {

    public Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "Credentials[" + user + ", ****]";
    }
}
