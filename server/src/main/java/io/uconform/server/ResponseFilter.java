package io.uconform.server;

/**
 * Rewrites every response of an {@link App} before it is sent: handler results, the engine's
 * 404/405/500 and OPTIONS answers, and 4xx/5xx rejections of malformed requests (e.g. to add
 * CORS headers to every response, CORS-01). Runs on the connection's thread; must not throw.
 * Framing headers it sets (Content-Length, Transfer-Encoding) are ignored.
 */
@FunctionalInterface
public interface ResponseFilter {
    /**
     * @param request the request, or null when the request was rejected before it could be parsed
     * @return the response to send (often {@code response.withHeader(...)})
     */
    Response apply(Request request, Response response);
}
