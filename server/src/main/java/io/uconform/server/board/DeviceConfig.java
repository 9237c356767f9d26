package io.uconform.server.board;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The device's persistent configuration store (its "flash"): survives board resets because it
 * belongs to the device, not to the board's volatile state. Thread-safe.
 */
public final class DeviceConfig {

    private final AtomicReference<DeviceSettings> current;

    public DeviceConfig(DeviceSettings initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    public DeviceSettings current() {
        return current.get();
    }

    /**
     * Applies a {@code PUT /config} body atomically and returns the new settings.
     *
     * @throws io.uconform.server.HttpError 400 naming the bad section or field
     */
    public DeviceSettings update(Map<String, Object> patch) {
        return current.updateAndGet(s -> ConfigPatch.apply(s, patch));
    }
}
