package io.uconform.simulator.admin;

import io.uconform.server.Handler;
import io.uconform.server.HttpError;
import io.uconform.server.Request;
import io.uconform.simulator.board.PinState;
import io.uconform.simulator.board.VirtualBoard;
import java.util.Map;

/**
 * {@code PUT /admin/pins/{n}}: drives the pin from outside with exactly one of {@code {"level":0|1}},
 * {@code {"mv":millivolts}} or {@code {"release":true}}. A drive the board would not take (a flash
 * pin, a pin the firmware drives) is refused with 409 and the reason ({@link DrivePolicy}).
 */
final class DrivePinEndpoint implements Handler {

    private final VirtualBoard board;

    DrivePinEndpoint(VirtualBoard board) {
        this.board = board;
    }

    @Override
    public Object handle(Request request) {
        int pin = AdminJson.pinNumber(request);
        Map<String, Object> body = AdminJson.object(request);
        if (body.size() != 1) {
            throw new HttpError(400, "body needs exactly one of level, mv, release");
        }
        Object v = body.values().iterator().next();
        PinState s;
        switch (body.keySet().iterator().next()) {
            case "level":
                int level = number(v, "level");
                if (level != 0 && level != 1) {
                    throw new HttpError(400, "level must be 0 or 1, not " + level);
                }
                DrivePolicy.requireDrivable(board, pin, "drive a level onto");
                s = board.drive(pin, level);
                break;
            case "mv":
                int mv = number(v, "mv");
                DrivePolicy.requireDrivable(board, pin, "put a voltage on");
                s = board.driveMillivolts(pin, mv);
                break;
            case "release":
                if (!Boolean.TRUE.equals(v)) {
                    throw new HttpError(400, "release must be true");
                }
                s = board.release(pin);
                break;
            default:
                throw new HttpError(400, "body needs exactly one of level, mv, release");
        }
        return AdminJson.pin(s, board.profile());
    }

    private static int number(Object v, String field) {
        if (!(v instanceof Long) || Math.abs((Long) v) > 100_000) {
            throw new HttpError(400, field + " must be an integer");
        }
        return ((Long) v).intValue();
    }
}
