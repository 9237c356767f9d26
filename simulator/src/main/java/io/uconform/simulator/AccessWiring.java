package io.uconform.simulator;

import io.uconform.cleanup.TempDirectories;
import io.uconform.server.App;
import io.uconform.server.ServerFault;
import io.uconform.server.auth.Credentials;
import io.uconform.server.auth.ProtectedRoutes;
import io.uconform.server.board.DeviceConfig;
import io.uconform.server.board.DeviceSettings;
import io.uconform.server.files.WebRootSeed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Wires the access-controlled routes into the simulated device: {@code /api/*} and {@code /files/...}
 * over a private temp web root (seeded with the board's {@code index.html}), credentials read from
 * the live device configuration so that {@code PUT /config} takes effect at once.
 */
final class AccessWiring {
    private AccessWiring() {
    }

    /** @return the web root, to be removed with {@link #removeWebRoot} when the device stops */
    static Path install(App app, DeviceConfig config, Set<ServerFault> faults) {
        try {
            Path webRoot = TempDirectories.create("uconform-sim-www-");
            ProtectedRoutes.install(app, WebRootSeed.prepare(webRoot), () -> credentials(config.current()), faults);
            return webRoot;
        } catch (IOException e) {
            throw new SimulatorException("cannot prepare the device's web root: " + e.getMessage(), e);
        }
    }

    private static Credentials credentials(DeviceSettings settings) {
        return new Credentials(settings.authUser(), settings.authPassword());
    }

    /** Deletes the temp web root; best effort, bounded by the tree's size. */
    static void removeWebRoot(Path webRoot) {
        if (webRoot == null) {
            return;
        }
        TempDirectories.remove(webRoot);
    }
}
