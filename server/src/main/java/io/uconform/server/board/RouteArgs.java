package io.uconform.server.board;

import io.uconform.server.HttpError;
import io.uconform.server.Request;
import java.util.Map;
import java.util.Set;

/** Parsing and validation shared by the board routes; every problem is an {@link HttpError}. */
final class RouteArgs {

    private RouteArgs() {
    }

    /** The pin named by {@code {n}}: 404 when it is not a number or the board lacks it. */
    static PinView pin(Request request, Board board) {
        String text = request.param("n").orElse("");
        if (!text.matches("\\d{1,3}")) {
            throw new HttpError(404, "no pin '" + text + "' on board " + board.name());
        }
        int n = Integer.parseInt(text);
        return board.pin(n).orElseThrow(() -> new HttpError(404, "no pin " + n + " on board " + board.name()));
    }

    /** The body as a JSON object whose keys are all in {@code allowed}: 400 otherwise. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Request request, Set<String> allowed) {
        Object body = request.json();
        if (!(body instanceof Map)) {
            throw new HttpError(400, "body must be a JSON object");
        }
        Map<String, Object> map = (Map<String, Object>) body;
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw new HttpError(400, "unknown field '" + key + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
        return map;
    }

    /** An integer field within {@code min..max}, or {@code fallback} when absent; 400 otherwise. */
    static Integer integer(Map<String, Object> body, String field, long min, long max, Integer fallback) {
        Object v = body.get(field);
        if (v == null) {
            if (body.containsKey(field) || fallback == null) {
                throw new HttpError(400, field + " must be an integer " + min + ".." + max);
            }
            return fallback;
        }
        if (!(v instanceof Long) || (Long) v < min || (Long) v > max) {
            throw new HttpError(400, field + " must be an integer " + min + ".." + max + ", not " + v);
        }
        return ((Long) v).intValue();
    }

    /** A string field from a fixed set of choices; null when absent; 400 otherwise. */
    static String choice(Map<String, Object> body, String field, Set<String> choices) {
        if (!body.containsKey(field)) {
            return null;
        }
        Object v = body.get(field);
        if (!(v instanceof String) || !choices.contains(v)) {
            throw new HttpError(400, field + " must be one of " + String.join(", ", new java.util.TreeSet<>(choices)));
        }
        return (String) v;
    }
}
