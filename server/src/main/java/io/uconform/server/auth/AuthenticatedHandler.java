package io.uconform.server.auth;

import io.uconform.server.Request;

/** A handler behind an {@link AccessGuard}: it also gets the authenticated user's name. */
@FunctionalInterface
public interface AuthenticatedHandler {
    Object handle(Request request, String user) throws Exception;
}
