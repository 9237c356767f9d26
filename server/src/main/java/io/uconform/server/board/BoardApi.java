package io.uconform.server.board;

import io.uconform.server.App;

/**
 * The reference board API (CONFORMANCE section 3) plus the diagnostic routes {@code /raise} and
 * {@code /echo}, registered on an {@link App}.
 */
public final class BoardApi {

    private BoardApi() {
    }

    /** Registers every board route on {@code app}; call before the server starts. */
    public static App install(App app, Board board, DeviceConfig config) {
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
