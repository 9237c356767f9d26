package io.uconform.simulator.admin;

import io.uconform.server.Handler;
import io.uconform.server.Request;
import io.uconform.simulator.board.VirtualBoard;

/**
 * {@code POST /admin/buttons/{n}/press} and {@code /release}: an active-low button on pin n. A
 * press where the board would not take one (a flash pin, an output) is refused with the reason.
 */
final class ButtonEndpoint implements Handler {

    private final VirtualBoard board;
    private final boolean press;

    ButtonEndpoint(VirtualBoard board, boolean press) {
        this.board = board;
        this.press = press;
    }

    @Override
    public Object handle(Request request) {
        int pin = AdminJson.pinNumber(request);
        if (press) {
            DrivePolicy.requireDrivable(board, pin, "press a button on");
        }
        return AdminJson.pin(press ? board.press(pin) : board.releaseButton(pin), board.profile());
    }
}
