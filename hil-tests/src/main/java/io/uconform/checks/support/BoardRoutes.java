package io.uconform.checks.support;

import io.uconform.suite.CheckContext;

/**
 * Paths of the reference board API (CONFORMANCE section 3), each bound to a role by the profile
 * ({@code led}, {@code gpio}, {@code adc}, {@code pwm}, {@code system}, {@code reset},
 * {@code config}); like every role, an unbound one skips the check, never falls back to the
 * reference's path.
 */
public final class BoardRoutes {

    private BoardRoutes() {
    }

    public static String led(CheckContext ctx) {
        return ctx.route("led");
    }

    public static String gpio(CheckContext ctx) {
        return ctx.route("gpio");
    }

    public static String gpio(CheckContext ctx, int pin) {
        return gpio(ctx) + "/" + pin;
    }

    public static String adc(CheckContext ctx, int pin) {
        return ctx.route("adc") + "/" + pin;
    }

    public static String pwm(CheckContext ctx, int pin) {
        return ctx.route("pwm") + "/" + pin;
    }

    public static String system(CheckContext ctx) {
        return ctx.route("system");
    }

    public static String reset(CheckContext ctx) {
        return ctx.route("reset");
    }

    public static String config(CheckContext ctx) {
        return ctx.route("config");
    }

    /** A pin number profile parameter ({@code ledPin}, {@code outputPin}, ...). */
    public static int pin(CheckContext ctx, String key) {
        String value = ctx.param(key);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new AssertionError("profile parameter '" + key + "' is not a pin number: " + value, e);
        }
    }
}
