/**
 * A device's admin face ({@code /admin/...}) on its own port ({@link io.uconform.simulator.admin.AdminServer}):
 * one small endpoint class per route, registered in {@code AdminRoutes}, for any
 * {@link io.uconform.simulator.admin.AdminDevice} (the JVM reference board or a user's app on the host
 * runtime); the board page at {@code /admin} ({@link io.uconform.simulator.admin.page.BoardPage}) and its
 * live feed at {@code /admin/live}.
 */
package io.uconform.simulator.admin;
