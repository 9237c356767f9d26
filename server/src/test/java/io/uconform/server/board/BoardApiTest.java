package io.uconform.server.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.uconform.server.App;
import io.uconform.server.ReferenceServer;
import io.uconform.server.ServerOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BoardApiTest {

    private final FakeBoard board = new FakeBoard();
    private final DeviceConfig config = new DeviceConfig(DeviceSettings.defaults("dev", "fake-board"));
    private ReferenceServer server;
    private ApiClient api;

    @BeforeEach
    void start() {
        server = ReferenceServer.start(BoardApi.install(new App("test"), board, config), ServerOptions.defaults());
        api = new ApiClient(server.uri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void ledRoutesDriveTheLedPin() {
        assertThat(api.get("/led/on").data()).isEqualTo(Map.of("pin", 2L, "value", 1L));
        assertThat(api.get("/led").data()).isEqualTo(Map.of("pin", 2L, "value", 1L));
        assertThat(api.get("/led/toggle").data()).isEqualTo(Map.of("pin", 2L, "value", 0L));
        assertThat(api.get("/led/off").data()).isEqualTo(Map.of("pin", 2L, "value", 0L));
        assertThat(board.writes).containsExactly("2=1", "2=0", "2=0");
    }

    @Test
    void gpioListsEveryPin() {
        assertThat((List<?>) api.get("/gpio").data()).hasSize(6).first()
                .isEqualTo(Map.of("pin", 0L, "mode", "in", "value", 0L, "pull", "none"));
        assertThat(api.get("/gpio/3").data()).isEqualTo(Map.of("pin", 3L, "mode", "in", "value", 0L, "pull", "none"));
    }

    @Test
    void gpioPutConfiguresAndWrites() {
        ApiClient.Reply r = api.send("PUT", "/gpio/3", "{\"mode\":\"out\",\"value\":1,\"pull\":\"up\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data()).isEqualTo(Map.of("pin", 3L, "mode", "out", "value", 1L, "pull", "up"));
        assertThat(board.writes).containsExactly("3=1");
    }

    @Test
    void gpioErrorsAre404400And409() {
        assertThat(api.get("/gpio/9").status()).isEqualTo(404);
        assertThat(api.get("/gpio/abc").status()).isEqualTo(404);
        assertThat(api.send("PUT", "/gpio/3", "{\"mode\":\"sideways\"}").status()).isEqualTo(400);
        assertThat(api.send("PUT", "/gpio/3", "{\"value\":7}").status()).isEqualTo(400);
        assertThat(api.send("PUT", "/gpio/3", "{\"colour\":1}").error()).contains("unknown field 'colour'");
        assertThat(api.send("PUT", "/gpio/3", "[1]").status()).isEqualTo(400);
        assertThat(api.send("PUT", "/gpio/3", "{}").status()).isEqualTo(400);
        assertThat(api.send("PUT", "/gpio/3", "{nope").status()).isEqualTo(400);
        assertThat(api.send("PUT", "/gpio/5", "{\"mode\":\"out\"}").status()).isEqualTo(409);
        assertThat(api.send("PUT", "/gpio/5", "{\"value\":1}").status()).isEqualTo(409);
        assertThat(api.send("PUT", "/gpio/3", "{\"mode\":\"in\",\"value\":1}").status()).isEqualTo(409);
        assertThat(api.send("PUT", "/gpio/3", "{\"mode\":\"adc\"}").status()).isEqualTo(409);
        assertThat(board.writes).isEmpty();
    }

    @Test
    void adcAndPwm() {
        board.adcRaw = 4095;
        assertThat(api.get("/adc/4").data()).isEqualTo(Map.of("raw", 4095L, "mv", 3300L));
        assertThat(api.get("/adc/3").status()).isEqualTo(409);
        assertThat(api.get("/adc/99").status()).isEqualTo(404);
        assertThat(api.send("PUT", "/pwm/3", "{\"freq\":1000,\"duty\":512}").data())
                .isEqualTo(Map.of("pin", 3L, "freq", 1000L, "duty", 512L));
        assertThat(api.send("PUT", "/pwm/3", "{\"freq\":1000,\"duty\":1024}").status()).isEqualTo(400);
        assertThat(api.send("PUT", "/pwm/3", "{\"duty\":5}").status()).isEqualTo(400);
        assertThat(api.send("PUT", "/pwm/5", "{\"freq\":1000,\"duty\":5}").status()).isEqualTo(409);
    }

    @Test
    void blinkAnswersAtOnceAndTogglesInTheBackground() {
        ApiClient.Reply r = api.send("POST", "/blink", "{\"times\":3,\"interval_ms\":5}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(java.util.Collections.singletonMap("data", null));
        await("LED written 6 times by the blink").atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(board.writes).containsExactly("2=1", "2=0", "2=1", "2=0", "2=1", "2=0"));
    }

    @Test
    void longBlinksDoNotHoldTheBackgroundThreads() {
        api.send("POST", "/blink", "{\"times\":1000,\"interval_ms\":10000}");
        api.send("POST", "/blink", "{\"times\":1000,\"interval_ms\":10000}");
        await("both long blinks started").atMost(Duration.ofSeconds(5)).until(() -> board.writes.size() >= 2);
        api.send("POST", "/system/reset", "");
        await("reset ran although two 5-hour blinks were posted").atMost(Duration.ofSeconds(5))
                .until(() -> board.resetCause.equals("soft"));
        board.writes.clear();
        api.send("POST", "/blink", "{\"times\":2,\"interval_ms\":5}");
        await("a short blink after them runs to the end").atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(board.writes).hasSize(4));
    }

    @Test
    void systemReportsAndResets() {
        @SuppressWarnings("unchecked")
        Map<String, Object> sys = (Map<String, Object>) api.get("/system").data();
        assertThat(sys).containsKeys("uptime_ms", "free_heap").containsEntry("firmware", "fake 1.0")
                .containsEntry("board", "fake-board").containsEntry("reset_cause", "power_on");
        api.send("PUT", "/config", "{\"device\":{\"name\":\"kitchen\"}}");
        assertThat(api.send("POST", "/system/reset", "").status()).isEqualTo(200);
        await("reset cause soft").atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(board.resetCause).isEqualTo("soft"));
        @SuppressWarnings("unchecked")
        Map<String, Object> after = (Map<String, Object>) api.get("/system").data();
        assertThat(after).containsEntry("reset_cause", "soft").containsEntry("name", "kitchen");
    }

    @Test
    void diagnosticRoutes() {
        ApiClient.Reply raised = api.get("/raise");
        assertThat(raised.status()).isEqualTo(500);
        assertThat(raised.error()).isNotBlank();
        assertThat(api.get("/led").status()).as("still serving").isEqualTo(200);
        for (String falsy : List.of("{}", "[]", "0", "false", "null", "\"\"")) {
            ApiClient.Reply echo = api.send("POST", "/echo", falsy);
            assertThat(echo.status()).isEqualTo(200);
            assertThat(io.uconform.server.Json.write(echo.json())).isEqualTo("{\"data\":" + falsy + "}");
        }
        assertThat(api.send("POST", "/echo", "{\"a\":").status()).isEqualTo(400);
    }
}
