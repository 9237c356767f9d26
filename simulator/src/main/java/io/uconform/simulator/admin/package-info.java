/**
 * The simulated device's admin REST face ({@code /admin/...}), one small endpoint class per route,
 * registered in {@link io.uconform.simulator.admin.AdminRoutes}, plus a self-contained browser page
 * at {@code /admin} that watches and pokes the board through those endpoints.
 */
package io.uconform.simulator.admin;
