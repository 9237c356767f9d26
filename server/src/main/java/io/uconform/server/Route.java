package io.uconform.server;

import java.util.Objects;
import java.util.Set;

/**
 * One entry of an {@link App}'s routing table.
 *
 * @param pattern literal segments, {@code {name}} segments and an optional trailing {@code *}
 * @param methods the allowed methods (upper case); {@link App#ANY} for every known method
 * @param handler the application code
 * @param mode how the engine runs the handler and bounds the body
 */
public record Route(String pattern, Set<String> methods, Handler handler, Mode mode) {

    /** How a route runs. */
    public enum Mode {
        /** Runs on the connection's thread; body up to {@link ServerLimits#maxBodyBytes()}. */
        NORMAL,
        /** Answers {@code {"data":null}} at once and runs in the background (NOWAIT-01). */
        NOWAIT,
        /** Like NORMAL, with the body bounded by {@link ServerLimits#maxUploadBytes()}. */
        UPLOAD
    }

    public Route {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(mode, "mode");
        methods = Set.copyOf(methods);
    }

    public boolean allows(String method) {
        return methods.contains(method) || ("HEAD".equals(method) && methods.contains("GET"));
    }
}
