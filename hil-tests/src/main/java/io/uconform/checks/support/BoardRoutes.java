package io.uconform.checks.support;

import io.uconform.suite.CheckContext;

/**
 * Paths of the reference board API (CONFORMANCE section 3). The paths are part of the contract of
 * the GPIO, SYS and BOOT groups, so they default to the contract's; a profile may still rebind
 * each role ({@code led}, {@code gpio}, {@code adc}, {@code pwm}, {@code system}, {@code config},
 * {@code reset}).
 */
public final class BoardRoutes {

    private BoardRoutes() {
    }

    public static String led(CheckContext ctx) {
        return role(ctx, "led", "/led");
    }

    public static String gpio(CheckContext ctx) {
        return role(ctx, "gpio", "/gpio");
    }

    public static String gpio(CheckContext ctx, int pin) {
        return gpio(ctx) + "/" + pin;
    }

    public static String adc(CheckContext ctx, int pin) {
        return role(ctx, "adc", "/adc") + "/" + pin;
    }

    public static String pwm(CheckContext ctx, int pin) {
        return role(ctx, "pwm", "/pwm") + "/" + pin;
    }

    public static String system(CheckContext ctx) {
        return role(ctx, "system", "/system");
    }

    public static String reset(CheckContext ctx) {
        return ctx.profile().route("reset").orElse(system(ctx) + "/reset");
    }

    public static String config(CheckContext ctx) {
        return role(ctx, "config", "/config");
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

    private static String role(CheckContext ctx, String role, String contractPath) {
        return ctx.profile().route(role).orElse(contractPath);
    }
}
