package io.uconform.server.cors;

import io.uconform.server.Request;
import io.uconform.server.Response;
import java.util.Map;

/** Recognises and answers CORS preflight requests (CORS-02). */
public final class Preflight {

    private Preflight() {
    }

    /** An {@code OPTIONS} request carrying {@code Access-Control-Request-Method}. */
    public static boolean is(Request request) {
        return "OPTIONS".equals(request.method()) && request.header("Access-Control-Request-Method").isPresent();
    }

    /** {@code 204} with {@code Allow} and the policy's preflight headers; no handler involved. */
    public static Response answer(CorsPolicy policy, String allow) {
        Response response = Response.of(204, null, new byte[0]).withHeader("Allow", allow);
        for (Map.Entry<String, String> header : policy.preflightHeaders().entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return response;
    }
}
