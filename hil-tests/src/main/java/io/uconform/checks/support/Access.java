package io.uconform.checks.support;

import io.uconform.suite.CheckContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials, target configuration facts and scratch names for the AUTH, CORS, FILE, UP, TLS and
 * NET6 checks. Configuration a check cannot observe without defeating itself (CORS on or off, the
 * TLS listener, the bind address) comes from the target's facts ({@code sim} reports them), else
 * from the profile parameter of the same name, else the contract's default.
 */
public final class Access {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Access() {
    }

    /** {@code Basic base64(user:password)}. */
    public static String basic(String user, String password) {
        return "Basic " + b64(user + ":" + password);
    }

    public static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The profile's {@code authUser}; aborts the check when the profile has none. */
    public static String user(CheckContext ctx) {
        return ctx.param("authUser");
    }

    /** The profile's {@code authPassword}; aborts the check when the profile has none. */
    public static String password(CheckContext ctx) {
        return ctx.param("authPassword");
    }

    /** The {@code Authorization} header with the profile's valid credentials. */
    public static Map<String, String> authorized(CheckContext ctx) {
        return Map.of("Authorization", basic(user(ctx), password(ctx)));
    }

    /**
     * Headers for a request that changes the device (AUTH-07: {@code PUT /config}, a reset): the
     * profile's credentials when it names them ({@code authUser}, {@code authPassword}), else none.
     * The password is registered as a secret of the check.
     */
    public static Map<String, String> administrator(CheckContext ctx) {
        return administratorLine(ctx).map(line -> Map.of("Authorization", line.substring("Authorization: ".length())))
                .orElse(Map.of());
    }

    /** {@link #administrator} as a raw header line, for requests written byte by byte. */
    public static Optional<String> administratorLine(CheckContext ctx) {
        Optional<String> user = ctx.profile().param("authUser");
        Optional<String> password = ctx.profile().param("authPassword");
        if (user.isEmpty() || password.isEmpty()) {
            return Optional.empty();
        }
        ctx.secret(password.get());
        return Optional.of("Authorization: " + basic(user.get(), password.get()));
    }

    /** {@link #administrator} plus {@code Content-Type: application/json}. */
    public static Map<String, String> administratorJson(CheckContext ctx) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(administrator(ctx));
        headers.put("Content-Type", "application/json");
        return headers;
    }

    /** A fact the target reported, else the profile parameter of that name. */
    public static Optional<String> fact(CheckContext ctx, String key) {
        String reported = ctx.facts().get(key);
        return reported != null ? Optional.of(reported) : ctx.profile().param(key);
    }

    /** True when the target runs with CORS on ({@code cors=on}); off is the contract's default. */
    public static boolean corsOn(CheckContext ctx) {
        return "on".equalsIgnoreCase(fact(ctx, "cors").orElse("off").trim());
    }

    /** A name no earlier run left behind, e.g. {@code uconform-3fa9c2d1.txt}. */
    public static String scratchName(String extension) {
        byte[] id = new byte[4];
        RANDOM.nextBytes(id);
        return "uconform-" + HexFormat.of().formatHex(id) + extension;
    }
}
