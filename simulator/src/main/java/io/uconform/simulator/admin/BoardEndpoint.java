package io.uconform.simulator.admin;

import io.uconform.server.Handler;
import io.uconform.server.Request;
import java.util.Map;

/**
 * {@code GET /admin/board}: profile, uptime, reset cause, boot count, the device URL and, under
 * {@code status}, what runs on the board ({@link RunStatus}).
 */
final class BoardEndpoint implements Handler {

    private final AdminDevice device;

    BoardEndpoint(AdminDevice device) {
        this.device = device;
    }

    @Override
    public Object handle(Request request) {
        Map<String, Object> m = AdminJson.board(device);
        m.put("status", AdminJson.status(device.status()));
        return m;
    }
}
