package io.uconform.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceSettingsLoaderTest {

    @TempDir
    Path home;

    private Path writeDefault(String json, String perms) throws Exception {
        Path file = home.resolve(".config/uconform/wifi.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
        return file;
    }

    @Test
    void readsTheDefaultFileLikeTheSeedRunnerDoes() throws Exception {
        writeDefault("{\"ssid\": \"MyWiFi\", \"password\": \"secret\", \"port\": \"/dev/ttyUSB1\"}", "rw-------");
        DeviceSettings s = new DeviceSettingsLoader(Map.of(), home).load(Optional.empty());
        assertThat(s.wifi()).contains(new WifiCredentials("MyWiFi", "secret"));
        assertThat(s.port()).contains("/dev/ttyUSB1");
        assertThat(s.warnings()).isEmpty();
        assertThat(s.wifi().get().toString()).doesNotContain("secret").contains("****");
    }

    @Test
    void environmentOverridesTheFileAndAGroupReadableFileIsWarnedAbout() throws Exception {
        Path file = writeDefault("{\"ssid\": \"MyWiFi\", \"password\": \"secret\"}", "rw-r--r--");
        Map<String, String> env = Map.of("UCONFORM_WIFI_PASSWORD", "from-env", "UCONFORM_PORT", "/dev/ttyACM0");
        DeviceSettings s = new DeviceSettingsLoader(env, home).load(Optional.empty());
        assertThat(s.wifi()).contains(new WifiCredentials("MyWiFi", "from-env"));
        assertThat(s.port()).contains("/dev/ttyACM0");
        assertThat(s.warnings()).singleElement().asString().contains(file.toString()).contains("chmod 600");
    }

    @Test
    void noFileAndNoEnvironmentMeansNoCredentials() {
        DeviceSettings s = new DeviceSettingsLoader(Map.of(), home).load(Optional.empty());
        assertThat(s.wifi()).isEmpty();
        assertThat(s.port()).isEmpty();
    }

    @Test
    void badInputIsOneClearLine() throws Exception {
        writeDefault("{\"ssid\": \"MyWiFi\",\n \"password\": }", "rw-------");
        DeviceSettingsLoader loader = new DeviceSettingsLoader(Map.of(), home);
        assertThatThrownBy(() -> loader.load(Optional.empty())).isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith("bad JSON in " + home.resolve(".config/uconform/wifi.json") + " at line 2");
        assertThatThrownBy(() -> loader.load(Optional.of(home.resolve("missing.json"))))
                .hasMessage("credentials file " + home.resolve("missing.json") + " does not exist");
        Map<String, String> onlySsid = Map.of("UCONFORM_WIFI_SSID", "x");
        assertThatThrownBy(() -> new DeviceSettingsLoader(onlySsid, home.resolve("empty")).load(Optional.empty()))
                .hasMessageStartingWith("Wi-Fi password missing");
    }

    @Test
    void aMalformedFileIsNeverReadAsNoCredentials() throws Exception {
        Path file = home.resolve(".config/uconform/wifi.json");
        DeviceSettingsLoader loader = new DeviceSettingsLoader(Map.of(), home);

        writeDefault("{\"ssid\": \"MyWiFi\", \"password\": \"pw\"} trailing", "rw-------");
        assertThatThrownBy(() -> loader.load(Optional.empty())).isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith("bad JSON in " + file);
        writeDefault("{\"SSID\": \"MyWiFi\", \"pasword\": \"pw\"}", "rw-------");
        assertThatThrownBy(() -> loader.load(Optional.empty()))
                .hasMessage("credentials file " + file + ": unknown key 'SSID' (known: ssid, password, port)");
        writeDefault("{\"wifi\": {\"ssid\": \"MyWiFi\", \"password\": \"pw\"}}", "rw-------");
        assertThatThrownBy(() -> loader.load(Optional.empty())).hasMessageContaining("unknown key 'wifi'");
        writeDefault("", "rw-------");
        assertThatThrownBy(() -> loader.load(Optional.empty())).hasMessageStartingWith("credentials file " + file
                + " must hold a JSON object");
    }

    @Test
    void configJsonKeepsTheAppsKeysAndAddsTheStation() {
        byte[] app = "{\"device\": {\"iam\": \"Device_1\"}, \"sta\": {\"ssid\": \"old\"}, \"app\": \"demo\"}"
                .getBytes(StandardCharsets.UTF_8);
        String out = new String(DeviceConfigJson.withStation(app, new WifiCredentials("net", "pw")), StandardCharsets.UTF_8);
        assertThat(out).contains("\"iam\" : \"Device_1\"").contains("\"app\" : \"demo\"")
                .contains("\"ssid\" : \"net\"").contains("\"password\" : \"pw\"").doesNotContain("old");
        assertThatThrownBy(() -> DeviceConfigJson.withStation("[1]".getBytes(), new WifiCredentials("a", "b")))
                .isInstanceOf(CredentialsException.class).hasMessageStartingWith("the app's config.json is not a JSON object");
    }
}
