package io.uconform.kind.sim;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code sim} target's access options: {@code cors=on|off} (default off), {@code tls=on|off}
 * (default off; on adds an HTTPS listener with a certificate generated at start),
 * {@code bind=127.0.0.1|::|0.0.0.0} (default {@code 127.0.0.1}), {@code auth-user} and
 * {@code auth-password} (the device's Basic credentials, default {@code admin}/{@code istrator},
 * the pair the reference profile's {@code authUser}/{@code authPassword} name). Immutable;
 * {@link #toString()} masks the password.
 */
public record SimAccessOptions(boolean cors, boolean tls, String bind, String authUser, String authPassword) {

    public static SimAccessOptions defaults() {
        return new SimAccessOptions(false, false, "127.0.0.1", "admin", "istrator");
    }

    /** @throws IllegalArgumentException one line naming the bad option */
    static SimAccessOptions parse(Map<String, String> raw) {
        String bind = raw.getOrDefault("bind", "127.0.0.1").trim();
        if (!Set.of("127.0.0.1", "::", "::1", "0.0.0.0", "localhost").contains(bind)) {
            throw new IllegalArgumentException("bind must be 127.0.0.1, ::, ::1 or 0.0.0.0, not '" + bind + "'");
        }
        String user = raw.getOrDefault("auth-user", "admin");
        if (user.contains(":")) {
            throw new IllegalArgumentException("auth-user must not contain ':'");
        }
        return new SimAccessOptions(onOff(raw, "cors"), onOff(raw, "tls"), bind, user,
                raw.getOrDefault("auth-password", "istrator"));
    }

    /**
     * Faults that only show under a configuration switch it on, so that the suite's self-test
     * (one sim per fault, no other options) sees them: the CORS-01/02 faults turn CORS on and
     * NET6_V6_ONLY binds to {@code ::}.
     */
    SimAccessOptions withFaultPrerequisites(Set<io.uconform.server.ServerFault> faults) {
        boolean needsCors = faults.contains(io.uconform.server.ServerFault.CORS_MISSING_ON_ERRORS)
                || faults.contains(io.uconform.server.ServerFault.CORS_PREFLIGHT_TO_HANDLER);
        boolean needsDualStack = faults.contains(io.uconform.server.ServerFault.NET6_V6_ONLY);
        return new SimAccessOptions(cors || needsCors, tls, needsDualStack ? "::" : bind, authUser, authPassword);
    }

    private static boolean onOff(Map<String, String> raw, String key) {
        String value = raw.getOrDefault(key, "off").trim().toLowerCase(Locale.ROOT);
        if (!value.equals("on") && !value.equals("off")) {
            throw new IllegalArgumentException(key + " must be 'on' or 'off', not '" + value + "'");
        }
        return value.equals("on");
    }

    @Override
    public String toString() {
        return "SimAccessOptions[cors=" + cors + ", tls=" + tls + ", bind=" + bind + ", auth-user=" + authUser
                + ", auth-password=****]";
    }
}
