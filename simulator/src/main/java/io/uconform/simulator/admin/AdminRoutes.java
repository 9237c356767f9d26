package io.uconform.simulator.admin;

import io.uconform.server.App;
import io.uconform.server.Handler;
import io.uconform.server.HttpError;
import io.uconform.simulator.board.BoardException;
import io.uconform.simulator.board.NoSuchPinException;
import io.uconform.simulator.board.PinCapabilityException;
import io.uconform.simulator.board.VirtualBoard;
import java.util.Set;

/**
 * The admin REST API's routing table: one small endpoint class per route. Board errors map to
 * 404 (no such pin), 409 (the pin cannot do that) and 400 (bad value).
 */
final class AdminRoutes {

    private static final Set<String> GET = Set.of("GET");
    private static final Set<String> PUT = Set.of("PUT");
    private static final Set<String> POST = Set.of("POST");

    private AdminRoutes() {
    }

    static App install(App app, AdminDevice device, LiveHub hub) {
        VirtualBoard board = device.board();
        app.route("/admin/board", GET, guard(new BoardEndpoint(device)));
        app.route("/admin/pins", GET, guard(new PinsEndpoint(board)));
        app.route("/admin/pins/{n}", GET, guard(new PinEndpoint(board)));
        app.route("/admin/pins/{n}", PUT, guard(new DrivePinEndpoint(board)));
        app.route("/admin/buttons/{n}/press", POST, guard(new ButtonEndpoint(board, true)));
        app.route("/admin/buttons/{n}/release", POST, guard(new ButtonEndpoint(board, false)));
        app.route("/admin/timeline", GET, guard(new TimelineEndpoint(board)));
        app.route("/admin/console", GET, guard(new ConsoleEndpoint(hub)));
        app.route("/admin/reset", POST, guard(new ResetEndpoint(device)));
        FaultsEndpoint faults = new FaultsEndpoint(board);
        app.route("/admin/faults", GET, guard(faults::list));
        app.route("/admin/faults", PUT, guard(faults::replace));
        app.route("/admin/live", GET, new LiveEndpoint(hub));
        app.route("/admin", GET, guard(new BoardPageEndpoint(device, hub)));
        return app;
    }

    private static Handler guard(Handler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (NoSuchPinException e) {
                throw new HttpError(404, e.getMessage());
            } catch (PinCapabilityException e) {
                throw new HttpError(409, e.getMessage());
            } catch (BoardException | IllegalArgumentException e) {
                throw new HttpError(400, e.getMessage());
            }
        };
    }
}
