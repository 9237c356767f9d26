package io.uconform.simulator.admin;

import io.uconform.server.Handler;
import io.uconform.server.Request;
import io.uconform.server.Response;
import io.uconform.simulator.admin.page.BoardPage;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /admin}: the board page, rendered complete with the device's current state (a page
 * without script still shows the board); its inline script keeps it live through {@code /admin/live}
 * and pokes the board through the admin endpoints.
 */
final class BoardPageEndpoint implements Handler {

    private final AdminDevice device;
    private final LiveHub hub;

    BoardPageEndpoint(AdminDevice device, LiveHub hub) {
        this.device = device;
        this.hub = hub;
    }

    @Override
    public Object handle(Request request) {
        RunStatus status = device.status();
        BoardPage.Snapshot snapshot = new BoardPage.Snapshot(device.board(), device.deviceUri(), status.state(),
                status.headline(), status.detail(), hub.console().since(0, LiveFeed.CONSOLE_LINES).stream()
                .map(l -> l.line().text()).toList());
        return Response.of(200, "text/html; charset=utf-8", BoardPage.render(snapshot).getBytes(StandardCharsets.UTF_8))
                .withHeader("Cache-Control", "no-store");
    }
}
