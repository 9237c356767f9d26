package io.uconform.simulator.admin;

import io.uconform.server.Handler;
import io.uconform.server.Request;
import io.uconform.simulator.board.VirtualBoard;

/** {@code GET /admin/pins/{n}}: one pin. */
final class PinEndpoint implements Handler {

    private final VirtualBoard board;

    PinEndpoint(VirtualBoard board) {
        this.board = board;
    }

    @Override
    public Object handle(Request request) {
        return AdminJson.pin(board.pin(AdminJson.pinNumber(request)), board.profile());
    }
}
