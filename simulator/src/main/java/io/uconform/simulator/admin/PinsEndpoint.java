package io.uconform.simulator.admin;

import io.uconform.server.Handler;
import io.uconform.server.Request;
import io.uconform.simulator.board.VirtualBoard;

/** {@code GET /admin/pins}: every pin with register value, observed level, drive and PWM state. */
final class PinsEndpoint implements Handler {

    private final VirtualBoard board;

    PinsEndpoint(VirtualBoard board) {
        this.board = board;
    }

    @Override
    public Object handle(Request request) {
        return board.pins().stream().map(s -> AdminJson.pin(s, board.profile())).toList();
    }
}
