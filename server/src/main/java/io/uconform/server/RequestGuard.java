package io.uconform.server;

/**
 * Runs before the handler of every routed request (the built-in index included, OPTIONS and
 * 404/405 answers excluded), e.g. for access control (AUTH). Return null to let the request through,
 * or a response (typically 401) to answer instead; exceptions are treated as for handlers.
 */
@FunctionalInterface
public interface RequestGuard {
    Response check(Request request) throws Exception;
}
