package io.uconform.server.board;

import io.uconform.server.App;
import java.util.Set;

/** {@code GET /config} and {@code PUT /config}: the device configuration, secrets masked (BOOT-02). */
final class ConfigRoutes {
    static final String PATH = "/config";

    private final DeviceConfig config;

    ConfigRoutes(DeviceConfig config) {
        this.config = config;
    }

    void install(App app) {
        app.route(PATH, Set.of("GET"), req -> config.current().toJson());
        app.route(PATH, Set.of("PUT"), req -> {
            java.util.Map<String, Object> body = RouteArgs.object(req,
                    Set.of("device", "sta", "ap", "app", "home", "auth"));
            return config.update(body).toJson();
        });
    }
}
