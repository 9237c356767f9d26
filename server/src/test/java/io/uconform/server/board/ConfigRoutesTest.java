package io.uconform.server.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.server.App;
import io.uconform.server.ReferenceServer;
import io.uconform.server.ServerOptions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ConfigRoutesTest {

    private final DeviceConfig config = new DeviceConfig(new DeviceSettings("dev", "fake-board", "home",
            "wifi-secret-1", "uconform", "ap-secret-2", "reference", "", "admin", "auth-secret-3"));
    /** The configured credentials: PUT /config needs them (AUTH-07). */
    private static final Map<String, String> ADMIN = Map.of("Authorization", "Basic "
            + java.util.Base64.getEncoder().encodeToString("admin:auth-secret-3".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    private ReferenceServer server;
    private ApiClient api;

    @BeforeEach
    void start() {
        server = ReferenceServer.start(BoardApi.install(new App("test"), new FakeBoard(), config), ServerOptions.defaults());
        api = new ApiClient(server.uri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void secretsAreMaskedInEveryAnswer() {
        String get = io.uconform.server.Json.write(api.get("/config").json());
        String put = io.uconform.server.Json.write(api.send("PUT", "/config", "{\"app\":\"other\"}", ADMIN).json());
        for (String text : new String[] {get, put}) {
            assertThat(text).doesNotContain("secret").contains("\"password\":\"****\"");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void putMergesAndAMaskedSecretKeepsTheStoredOne() {
        ApiClient.Reply r = api.send("PUT", "/config",
                "{\"sta\":{\"ssid\":\"office\",\"password\":\"****\"},\"home\":{\"url\":\"http://10.0.0.1/hook\"}}", ADMIN);
        assertThat(r.status()).isEqualTo(200);
        assertThat((Map<String, Object>) ((Map<String, Object>) r.data()).get("sta"))
                .containsEntry("ssid", "office").containsEntry("password", "****");
        assertThat(config.current().staPassword()).isEqualTo("wifi-secret-1");
        assertThat(config.current().homeUrl()).isEqualTo("http://10.0.0.1/hook");
        api.send("PUT", "/config", "{\"auth\":{\"password\":\"new-pass\"}}", ADMIN);
        assertThat(config.current().authPassword()).isEqualTo("new-pass");
    }

    @Test
    void badPatchesAre400AndChangeNothing() {
        DeviceSettings before = config.current();
        assertThat(api.send("PUT", "/config", "{\"flux\":{}}", ADMIN).error()).contains("unknown field 'flux'");
        assertThat(api.send("PUT", "/config", "{\"sta\":{\"channel\":6}}", ADMIN).error()).contains("sta.channel");
        assertThat(api.send("PUT", "/config", "{\"sta\":\"x\"}", ADMIN).error()).contains("must be an object");
        assertThat(api.send("PUT", "/config", "{\"app\":\"\"}", ADMIN).status()).isEqualTo(400);
        assertThat(api.send("PUT", "/config", "{\"device\":{\"board\":\"other\"}}", ADMIN).error()).contains("fixed");
        assertThat(api.send("PUT", "/config", "{\"auth\":{\"user\":1}}", ADMIN).status()).isEqualTo(400);
        assertThat(config.current()).isEqualTo(before);
    }
}
