package io.uconform.server.auth;

/**
 * Decides whether credentials grant access, as the auth callbacks of seeds/004 and uhttpd's
 * {@code AUTH_CUSTOM} do. Access is granted only when the result is exactly {@link Boolean#TRUE}
 * (AUTH-05): {@code null}, {@code "true"}, {@code 1}, a user record or any other truthy value deny.
 * Called on the connection's thread; may throw (then access is denied).
 */
@FunctionalInterface
public interface AuthCallback {
    Object check(String user, String password) throws Exception;
}
