package io.uconform.credentials;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Settings for a real board, merged from the config file and the environment: Wi-Fi credentials,
 * the serial port, and the warnings met while reading them (e.g. a file readable by others).
 */
public record DeviceSettings(Optional<WifiCredentials> wifi, Optional<String> port, Optional<Path> source,
                             List<String> warnings) {

    public DeviceSettings {
        warnings = List.copyOf(warnings);
    }
}
