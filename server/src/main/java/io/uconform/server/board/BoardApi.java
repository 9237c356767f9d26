package io.uconform.server.board;

import io.uconform.server.App;
import io.uconform.server.ServerFault;
import io.uconform.server.auth.Credentials;
import io.uconform.server.auth.StateChangeGuard;
import java.util.Set;

/**
 * The reference board API (CONFORMANCE section 3) plus the diagnostic routes {@code /raise} and
 * {@code /echo}, registered on an {@link App}. When the configuration holds credentials,
 * {@code PUT /config} and {@code POST /system/reset} need them (AUTH-07); the pin and LED routes stay
 * open: they are the app's function.
 */
public final class BoardApi {

    private BoardApi() {
    }

    /** Registers every board route on {@code app}; call before the server starts. */
    public static App install(App app, Board board, DeviceConfig config) {
        return install(app, board, config, Set.of());
    }

    /** As {@link #install(App, Board, DeviceConfig)}; fault STATE_CHANGE_UNPROTECTED drops the AUTH-07 guard. */
    public static App install(App app, Board board, DeviceConfig config, Set<ServerFault> faults) {
        if (!faults.contains(ServerFault.STATE_CHANGE_UNPROTECTED)) {
            app.guard(StateChangeGuard.forPaths(Set.of(ConfigRoutes.PATH, SystemRoutes.RESET_PATH),
                    () -> new Credentials(config.current().authUser(), config.current().authPassword())));
        }
        new LedRoutes(board).install(app);
        new GpioRoutes(board).install(app);
        new AnalogRoutes(board).install(app);
        Blinker blinker = new Blinker(board);
        new BlinkRoutes(blinker).install(app);
        new SystemRoutes(board, config, blinker).install(app);
        new ConfigRoutes(config).install(app);
        new DiagnosticRoutes().install(app);
        return app;
    }
}
