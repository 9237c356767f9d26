package io.uconform.server.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.uconform.server.App;
import io.uconform.server.ReferenceServer;
import io.uconform.server.ServerFault;
import io.uconform.server.ServerOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * AUTH-07 (issue 12.1): with credentials configured, {@code PUT /config} (any field: {@code auth.*},
 * {@code sta.password}, {@code home.url}, ...) and {@code POST /system/reset} need them; without
 * valid ones the answer is 401 with a Basic challenge and nothing changes. The pin routes stay open.
 */
@Timeout(30)
class StateChangeAuthTest {

    private static final Map<String, String> ADMIN = basic("admin", "auth-secret-3");
    private static final List<String> PATCHES = List.of(
            "{\"auth\":{\"user\":\"mallory\",\"password\":\"owned\"}}",
            "{\"sta\":{\"ssid\":\"evil\",\"password\":\"evil-pass\"}}",
            "{\"home\":{\"url\":\"http://203.0.113.9/steal\"}}",
            "{\"device\":{\"name\":\"pwned\"}}");

    private final FakeBoard board = new FakeBoard();
    private DeviceConfig config;
    private ReferenceServer server;
    private ApiClient api;

    private void start(DeviceSettings settings, ServerFault... faults) {
        config = new DeviceConfig(settings);
        App app = BoardApi.install(new App("test"), board, config, faults.length == 0 ? Set.of() : Set.of(faults));
        server = ReferenceServer.start(app, ServerOptions.defaults());
        api = new ApiClient(server.uri());
    }

    private static DeviceSettings withCredentials() {
        return new DeviceSettings("dev", "fake-board", "home", "wifi-secret-1", "uconform", "", "reference", "",
                "admin", "auth-secret-3");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void configWritesWithoutValidCredentialsAre401AndChangeNothing() {
        start(withCredentials());
        DeviceSettings before = config.current();
        for (Map<String, String> attempt : List.of(Map.<String, String>of(), basic("admin", "wrong"),
                basic("mallory", "auth-secret-3"), basic("admin", "auth-secret-3x"), Map.of("Authorization", "Bearer auth-secret-3"))) {
            for (String patch : PATCHES) {
                ApiClient.Reply reply = api.send("PUT", "/config", patch, attempt);
                assertThat(reply.status()).as("PUT /config %s with %s", patch, attempt.keySet()).isEqualTo(401);
                assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm="));
            }
        }
        assertThat(config.current()).as("configuration after 20 refused writes").isEqualTo(before);
    }

    @Test
    void theTakeoverOfTheIssueFailsAndTheAdminKeepsAccess() {
        start(withCredentials());
        assertThat(api.send("PUT", "/config", PATCHES.get(0), Map.of()).status()).isEqualTo(401);
        assertThat(api.send("PUT", "/config", "{\"device\":{\"name\":\"ok\"}}", basic("mallory", "owned")).status())
                .as("mallory's credentials after the refused takeover").isEqualTo(401);
        assertThat(api.send("PUT", "/config", "{\"device\":{\"name\":\"ok\"}}", ADMIN).status()).isEqualTo(200);
        assertThat(config.current().name()).isEqualTo("ok");
    }

    @Test
    void validCredentialsChangeTheConfigurationAndNewOnesTakeEffectAtOnce() {
        start(withCredentials());
        assertThat(api.send("PUT", "/config", "{\"auth\":{\"password\":\"rotated-4\"}}", ADMIN).status()).isEqualTo(200);
        assertThat(api.send("PUT", "/config", "{\"device\":{\"name\":\"x\"}}", ADMIN).status())
                .as("the old password after the change").isEqualTo(401);
        assertThat(api.send("PUT", "/config", "{\"device\":{\"name\":\"x\"}}", basic("admin", "rotated-4")).status())
                .isEqualTo(200);
    }

    @Test
    void resetWithoutValidCredentialsIs401AndTheBoardDoesNotReboot() {
        start(withCredentials());
        for (Map<String, String> attempt : List.of(Map.<String, String>of(), basic("admin", "wrong"))) {
            ApiClient.Reply reply = api.send("POST", "/system/reset", "", attempt);
            assertThat(reply.status()).as("POST /system/reset with %s", attempt.keySet()).isEqualTo(401);
            assertThat(reply.header("WWW-Authenticate")).isPresent();
        }
        // a reset runs in the background after its answer: a wrongly scheduled one would show within this
        await("no reboot after refused resets").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> board.resetCause.equals("power_on"));
        assertThat(api.send("POST", "/system/reset", "", ADMIN).status()).isEqualTo(200);
        await("reset with valid credentials").atMost(Duration.ofSeconds(5)).until(() -> board.resetCause.equals("soft"));
    }

    @Test
    void readsAndPinRoutesNeedNoCredentials() {
        start(withCredentials());
        assertThat(api.get("/config").status()).isEqualTo(200);
        assertThat(api.get("/system").status()).isEqualTo(200);
        assertThat(api.get("/led/on").status()).isEqualTo(200);
        assertThat(api.send("PUT", "/gpio/4", "{\"mode\":\"out\",\"value\":1}").status()).isEqualTo(200);
    }

    @Test
    void withoutConfiguredCredentialsTheRoutesStayOpenForSetUp() {
        start(DeviceSettings.defaults("dev", "fake-board"));
        assertThat(api.send("PUT", "/config", "{\"auth\":{\"user\":\"admin\",\"password\":\"first\"}}").status())
                .isEqualTo(200);
        assertThat(api.send("PUT", "/config", "{\"device\":{\"name\":\"x\"}}").status())
                .as("once a password is set, it is needed").isEqualTo(401);
    }

    @Test
    void faultStateChangeUnprotectedLetsAnyoneIn() {
        start(withCredentials(), ServerFault.STATE_CHANGE_UNPROTECTED);
        assertThat(api.send("PUT", "/config", PATCHES.get(0)).status()).isEqualTo(200);
        assertThat(config.current().authUser()).isEqualTo("mallory");
    }

    private static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
}
