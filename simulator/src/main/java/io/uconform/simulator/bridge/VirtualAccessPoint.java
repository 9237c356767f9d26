package io.uconform.simulator.bridge;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The Wi-Fi network the host runtime's {@code network.WLAN().connect()} can join: only these
 * credentials succeed. Immutable; {@link #toString()} never shows the password.
 */
public record VirtualAccessPoint(String ssid, String password) {

    public VirtualAccessPoint {
        Objects.requireNonNull(ssid, "ssid");
        Objects.requireNonNull(password, "password");
    }

    /** What a join attempt gets: {@code ok}, {@code wrong_password} or {@code no_ap_found}. */
    public String join(String ssidTried, String passwordTried) {
        if (!ssid.equals(ssidTried)) {
            return "no_ap_found";
        }
        boolean same = MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                String.valueOf(passwordTried).getBytes(StandardCharsets.UTF_8));
        return same ? "ok" : "wrong_password";
    }

    @Override
    public String toString() {
        return "VirtualAccessPoint[ssid=" + ssid + ", password=****]";
    }
}
