package io.uconform.credentials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Wi-Fi credentials and the serial port: from a JSON file ({@code {"ssid": ..., "password":
 * ..., "port": ...}}, default {@code ~/.config/uconform/wifi.json}), each value overridable by
 * {@code UCONFORM_WIFI_SSID}, {@code UCONFORM_WIFI_PASSWORD} and {@code UCONFORM_PORT}. Warns when
 * the file can be read by group or others. A missing default file is not an error.
 */
public final class DeviceSettingsLoader {

    public static final String ENV_SSID = "UCONFORM_WIFI_SSID";
    public static final String ENV_PASSWORD = "UCONFORM_WIFI_PASSWORD";
    public static final String ENV_PORT = "UCONFORM_PORT";

    private final Map<String, String> env;
    private final Path home;

    public DeviceSettingsLoader(Map<String, String> env, Path home) {
        this.env = Map.copyOf(env);
        this.home = home;
    }

    /** Reads from the process environment and the user's home. */
    public static DeviceSettingsLoader system() {
        return new DeviceSettingsLoader(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public Path defaultFile() {
        return home.resolve(".config").resolve("uconform").resolve("wifi.json");
    }

    /** @param file an explicit file (must exist), or empty for the default (may be absent) */
    public DeviceSettings load(Optional<Path> file) {
        Path path = file.orElse(defaultFile());
        List<String> warnings = new ArrayList<>();
        JsonNode json = null;
        if (Files.exists(path)) {
            json = parse(path);
            warnIfShared(path, warnings);
        } else if (file.isPresent()) {
            throw new CredentialsException("credentials file " + path + " does not exist");
        }
        Optional<String> ssid = pick(ENV_SSID, json, "ssid");
        Optional<String> password = pick(ENV_PASSWORD, json, "password");
        Optional<String> port = pick(ENV_PORT, json, "port");
        if (ssid.isPresent() != password.isPresent()) {
            throw new CredentialsException("Wi-Fi " + (ssid.isPresent() ? "password" : "SSID") + " missing: set '"
                    + (ssid.isPresent() ? "password" : "ssid") + "' in " + path + " or " + (ssid.isPresent() ? ENV_PASSWORD : ENV_SSID));
        }
        Optional<WifiCredentials> wifi = ssid.map(s -> new WifiCredentials(s, password.get()));
        return new DeviceSettings(wifi, port, json == null ? Optional.empty() : Optional.of(path), warnings);
    }

    private Optional<String> pick(String envName, JsonNode json, String key) {
        String fromEnv = env.get(envName);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Optional.of(fromEnv);
        }
        if (json != null && json.hasNonNull(key)) {
            JsonNode v = json.get(key);
            if (!v.isTextual()) {
                throw new CredentialsException("'" + key + "' must be a string in the credentials file");
            }
            return Optional.of(v.asText());
        }
        return Optional.empty();
    }

    /** The keys a credentials file may hold; any other is a typo that would silently drop a setting. */
    static final List<String> KEYS = List.of("ssid", "password", "port");

    private static JsonNode parse(Path path) {
        try {
            JsonNode node = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(Files.readString(path));
            if (node == null || !node.isObject()) {
                throw new CredentialsException("credentials file " + path + " must hold a JSON object"
                        + " {\"ssid\": ..., \"password\": ...}");
            }
            node.fieldNames().forEachRemaining(key -> {
                if (!KEYS.contains(key)) {
                    throw new CredentialsException("credentials file " + path + ": unknown key '" + key + "' (known: "
                            + String.join(", ", KEYS) + ")");
                }
            });
            return node;
        } catch (JsonProcessingException e) {
            throw new CredentialsException("bad JSON in " + path + " at line " + e.getLocation().getLineNr()
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CredentialsException("cannot read " + path + ": " + e.getMessage());
        }
    }

    private static void warnIfShared(Path path, List<String> warnings) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                warnings.add("warning: " + path + " holds a Wi-Fi password and is readable by group or others:"
                        + " chmod 600 " + path);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing to check
        }
    }
}
