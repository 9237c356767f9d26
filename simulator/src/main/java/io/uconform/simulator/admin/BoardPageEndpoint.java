package io.uconform.simulator.admin;

import io.uconform.server.Handler;
import io.uconform.server.Request;
import io.uconform.server.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /admin}: a self-contained page (no external assets) that shows the pins and the
 * timeline and pokes the board through the admin API: press buttons, drive levels and voltages.
 */
final class BoardPageEndpoint implements Handler {

    private final byte[] page = load();

    @Override
    public Object handle(Request request) {
        return Response.of(200, "text/html; charset=utf-8", page);
    }

    private static byte[] load() {
        try (InputStream in = BoardPageEndpoint.class.getResourceAsStream("board.html")) {
            if (in == null) {
                throw new IllegalStateException("board.html missing from the simulator jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read board.html", e);
        }
    }
}
