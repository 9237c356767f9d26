package io.uconform.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.uconform.simulator.board.BoardEvent;
import io.uconform.simulator.board.BoardProfiles;
import io.uconform.simulator.board.PinMode;
import io.uconform.simulator.board.ResetCause;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SimulatedDeviceTest {

    private SimulatedDevice device = SimulatedDevice.start(SimulatorOptions.defaults());
    private final TestApi api = new TestApi(device.baseUri());

    @AfterEach
    void stop() {
        device.close();
    }

    @Test
    void routesChangeTheVirtualPins() {
        api.get("/led/on");
        assertThat(device.board().pin(2).level()).isEqualTo(1);
        api.send("PUT", "/gpio/4", "{\"mode\":\"out\",\"value\":1}");
        assertThat(device.board().pin(4)).extracting(s -> s.mode(), s -> s.value()).containsExactly(PinMode.OUT, 1);
        api.send("PUT", "/pwm/5", "{\"freq\":2000,\"duty\":300}");
        assertThat(device.board().pin(5).pwmDuty()).isEqualTo(300);
    }

    @Test
    void injectedInputsShowInTheApi() {
        device.board().press(0);
        assertThat(api.get("/gpio/0").dataMap()).containsEntry("value", 0L);
        device.board().driveMillivolts(34, 3300);
        assertThat(api.get("/adc/34").dataMap()).containsEntry("raw", 4095L).containsEntry("mv", 3300L);
        assertThat(api.send("PUT", "/gpio/35", "{\"mode\":\"out\"}").status()).isEqualTo(409);
        assertThat(api.get("/gpio/20").status()).isEqualTo(404);
    }

    @Test
    void blinkTogglesTheLedSixTimesOnTheTimeline() {
        long mark = device.board().uptimeMillis();
        assertThat(api.send("POST", "/blink", "{\"times\":3,\"interval_ms\":10}").status()).isEqualTo(200);
        await("LED level changed 6 times after the blink").atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(device.board().timeline().since(0, mark))
                        .filteredOn(e -> e.kind() == BoardEvent.Kind.PIN_CHANGE && e.pin() == 2).hasSize(6));
    }

    @Test
    void systemResetRebootsSoftAndKeepsTheConfiguration() {
        api.send("PUT", "/config", "{\"sta\":{\"ssid\":\"lab\",\"password\":\"pw-123456\"}}");
        api.get("/led/on");
        assertThat(api.send("POST", "/system/reset", "").status()).isEqualTo(200);
        await("board rebooted").atMost(Duration.ofSeconds(5))
                .until(() -> device.board().resetCause() == ResetCause.SOFT);
        Map<String, Object> sys = api.get("/system").dataMap();
        assertThat(sys).containsEntry("reset_cause", "soft").containsEntry("board", "esp32-devkitc");
        assertThat((Long) sys.get("uptime_ms")).isLessThan(5_000);
        assertThat(api.get("/led").dataMap()).containsEntry("value", 0L);
        assertThat(api.get("/config").dataMap().get("sta")).isEqualTo(Map.of("ssid", "lab", "password", "****"));
        assertThat(device.console().lines()).extracting(l -> l.text()).contains("UCONFORM RESET cause=soft");
    }

    @Test
    void c3BoardServesItsOwnLed() {
        device.close();
        device = SimulatedDevice.start(SimulatorOptions.forBoard(BoardProfiles.ESP32C3_DEVKITM));
        TestApi c3 = new TestApi(device.baseUri());
        assertThat(c3.get("/led/on").dataMap()).containsEntry("pin", 8L);
        assertThat((List<?>) c3.get("/gpio").data()).hasSize(22);
        assertThat(c3.get("/system").dataMap()).containsEntry("board", "esp32c3-devkitm");
    }

    @Test
    void closeIsIdempotentAndStopsBothServers() {
        device.close();
        device.close();
        assertThat(device.isRunning()).isFalse();
    }
}
