package io.uconform.server.board;

import io.uconform.server.App;
import java.util.Set;

/**
 * Routes the suite binds through profiles: {@code GET /raise} throws (CORE-04: a 500 envelope and
 * the server keeps serving) and {@code POST /echo} returns the parsed JSON body (ERR-06: invalid
 * JSON is a 400; UP-02: falsy bodies arrive intact) and {@code GET /query} returns the parsed
 * query (PROTO-05: {@code +} is a space, percent-decoding, repeated keys kept).
 */
final class DiagnosticRoutes {

    void install(App app) {
        app.route("/raise", Set.of("GET"), req -> {
            throw new IllegalStateException("raised on purpose by /raise");
        });
        app.route("/echo", Set.of("POST"), req -> req.json());
        app.route("/query", Set.of("GET"), req -> req.query());
    }
}
