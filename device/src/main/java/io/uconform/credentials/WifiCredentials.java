package io.uconform.credentials;

import io.uconform.console.SecretMask;
import java.util.Objects;

/** A station SSID and its password. {@link #toString()} never shows the password. */
public record WifiCredentials(String ssid, String password) {

    public WifiCredentials {
        Objects.requireNonNull(ssid, "ssid");
        Objects.requireNonNull(password, "password");
    }

    /** A mask that hides this password in console captures and logs. */
    public SecretMask mask() {
        return SecretMask.of(password);
    }

    @Override
    public String toString() {
        return "WifiCredentials[ssid=" + ssid + ", password=" + SecretMask.MASK + "]";
    }
}
