package io.uconform.simulator.host;

import io.uconform.kind.host.HostOptions;
import io.uconform.profile.Profile;
import io.uconform.spi.TargetException;
import io.uconform.spi.TargetSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How to run a {@link LiveApp}. Immutable.
 *
 * @param host      the {@code host} target's options (the app directory is its {@code app}; {@code port}
 *                  is the app's port, written to its {@code config.json})
 * @param profile   whose credentials and limits go into the app's {@code config.json}
 * @param adminPort the board page's port (0 = ephemeral)
 */
public record LiveAppOptions(HostOptions host, Profile profile, int adminPort) {

    public LiveAppOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(profile, "profile");
        if (host.firmware().isEmpty()) {
            throw new IllegalArgumentException("a live app needs its directory (the option app)");
        }
        if (adminPort < 0 || adminPort > 65535) {
            throw new IllegalArgumentException("admin port must be 0..65535, not " + adminPort);
        }
    }

    /**
     * Parses the options exactly as {@code run --target host} does ({@link HostOptions}), except that
     * the timers default to the profile's ({@code timers=device}): a person, not the suite, is the client.
     *
     * @throws TargetException one line naming the bad or unknown option
     */
    public static LiveAppOptions parse(Map<String, String> raw, Profile profile, int adminPort) {
        Map<String, String> options = new java.util.LinkedHashMap<>(raw);
        options.putIfAbsent("timers", "device");
        return new LiveAppOptions(HostOptions.parse(new TargetSpec("host", options, profile)), profile, adminPort);
    }

    public Path app() {
        return host.firmware().orElseThrow().toAbsolutePath();
    }
}
