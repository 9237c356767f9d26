package io.uconform.simulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.uconform.simulator.SimulatedDevice;
import io.uconform.simulator.SimulatorOptions;
import io.uconform.simulator.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AdminApiTest {

    private final SimulatedDevice device = SimulatedDevice.start(SimulatorOptions.defaults());
    private final TestApi admin = new TestApi(device.adminUri());
    private final TestApi api = new TestApi(device.baseUri());

    @AfterEach
    void stop() {
        device.close();
    }

    @Test
    void boardDescribesProfileUptimeAndResetCause() {
        Map<String, Object> b = admin.get("/admin/board").dataMap();
        assertThat(b).containsEntry("board", "esp32-devkitc").containsEntry("led_pin", 2L)
                .containsEntry("reset_cause", "power_on").containsEntry("url", device.baseUri().toString())
                .containsKey("uptime_ms");
        assertThat(b.get("input_only")).isEqualTo(List.of(34L, 35L, 36L, 37L, 38L, 39L));
    }

    @Test
    void pinsShowWhatTheDeviceApiDid() {
        api.get("/led/on");
        assertThat((List<?>) admin.get("/admin/pins").data()).hasSize(34);
        assertThat(admin.get("/admin/pins/2").dataMap()).containsEntry("mode", "out").containsEntry("level", 1L);
        assertThat(admin.get("/admin/pins/20").status()).isEqualTo(404);
        assertThat(admin.get("/admin/pins/x").status()).isEqualTo(404);
    }

    @Test
    void drivingPinsReachesTheDeviceApi() {
        assertThat(admin.send("PUT", "/admin/pins/34", "{\"mv\":1650}").status()).isEqualTo(200);
        assertThat((Long) api.get("/adc/34").dataMap().get("raw")).isBetween(2040L, 2055L);
        admin.send("PUT", "/admin/pins/4", "{\"level\":1}");
        assertThat(api.get("/gpio/4").dataMap()).containsEntry("value", 1L);
        admin.send("PUT", "/admin/pins/4", "{\"release\":true}");
        assertThat(api.get("/gpio/4").dataMap()).containsEntry("value", 0L);
        assertThat(admin.send("PUT", "/admin/pins/4", "{\"level\":1,\"mv\":3}").status()).isEqualTo(400);
        assertThat(admin.send("PUT", "/admin/pins/4", "{\"level\":5}").status()).isEqualTo(400);
        assertThat(admin.send("PUT", "/admin/pins/4", "{\"release\":false}").status()).isEqualTo(400);
    }

    @Test
    void buttonsPressAndRelease() {
        assertThat(admin.send("POST", "/admin/buttons/0/press", "").dataMap()).containsEntry("value", 0L);
        assertThat(api.get("/gpio/0").dataMap()).containsEntry("value", 0L);
        admin.send("POST", "/admin/buttons/0/release", "");
        assertThat(api.get("/gpio/0").dataMap()).containsEntry("value", 1L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void timelineFiltersBySinceAndPin() {
        api.get("/led/on");
        long now = (Long) admin.get("/admin/timeline").dataMap().get("now_ms");
        api.get("/led/off");
        Map<String, Object> t = admin.get("/admin/timeline?since=" + now + "&pin=2").dataMap();
        List<Map<String, Object>> events = (List<Map<String, Object>>) t.get("events");
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e).containsEntry("pin", 2L));
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("kind", "pin_change").containsEntry("value", 0L));
        assertThat(admin.get("/admin/timeline?since=soon").status()).isEqualTo(400);
    }

    @Test
    void resetKeepsConfigurationAndNamesTheCause() {
        api.send("PUT", "/config", "{\"device\":{\"name\":\"bench-1\"}}");
        assertThat(admin.send("POST", "/admin/reset", "{\"cause\":\"watchdog\"}").dataMap())
                .containsEntry("reset_cause", "watchdog");
        assertThat(api.get("/system").dataMap()).containsEntry("reset_cause", "watchdog").containsEntry("name", "bench-1");
        assertThat(admin.send("POST", "/admin/reset", "").dataMap()).containsEntry("reset_cause", "hard");
        assertThat(admin.send("POST", "/admin/reset", "{\"cause\":\"meteor\"}").status()).isEqualTo(400);
    }

    @Test
    void faultsCanBeSetListedAndCleared() {
        assertThat(admin.send("PUT", "/admin/faults", "{\"faults\":[\"STUCK_PIN@2\"]}").dataMap())
                .containsEntry("active", List.of("STUCK_PIN@2"));
        assertThat(api.get("/led/on").dataMap()).as("stuck LED stays off").containsEntry("value", 0L);
        assertThat((List<?>) admin.get("/admin/faults").dataMap().get("available")).hasSize(3);
        assertThat(admin.send("PUT", "/admin/faults", "{\"faults\":[\"MELT\"]}").status()).isEqualTo(400);
        assertThat(admin.send("PUT", "/admin/faults", "{\"faults\":\"DEAD_LED\"}").status()).isEqualTo(400);
        admin.send("PUT", "/admin/faults", "{\"faults\":[]}");
        assertThat(api.get("/led/on").dataMap()).containsEntry("value", 1L);
    }

    @Test
    void aDriveTheBoardWouldNotTakeIsRefusedWithTheReason() {
        api.get("/led/on");
        TestApi.Reply onOutput = admin.send("PUT", "/admin/pins/2", "{\"level\":0}");
        assertThat(onOutput.status()).isEqualTo(409);
        assertThat(onOutput.error()).contains("GPIO2", "the firmware drives it as an output (now 1)");
        assertThat(api.get("/led").dataMap()).as("nothing changed").containsEntry("value", 1L);

        TestApi.Reply onFlash = admin.send("PUT", "/admin/pins/6", "{\"mv\":3300}");
        assertThat(onFlash.status()).isEqualTo(409);
        assertThat(onFlash.error()).contains("GPIO6", "SPI flash", "crash");
        assertThat(admin.send("POST", "/admin/buttons/11/press", "").status()).isEqualTo(409);
        assertThat(admin.get("/admin/pins/6").dataMap()).containsEntry("flash", true).containsEntry("driven", false);

        assertThat(admin.send("PUT", "/admin/pins/2", "{\"release\":true}").status())
                .as("letting go is always allowed").isEqualTo(200);
        assertThat(admin.send("PUT", "/admin/pins/2", "{\"level\":7}").status()).as("a bad value is 400 first")
                .isEqualTo(400);
    }

    @Test
    @SuppressWarnings("unchecked")
    void consoleLinesAreNumberedForPolling() {
        Map<String, Object> all = admin.get("/admin/console").dataMap();
        List<Map<String, Object>> lines = (List<Map<String, Object>>) all.get("lines");
        assertThat(lines).extracting(l -> (String) l.get("text"))
                .anySatisfy(t -> assertThat(t).startsWith("UCONFORM READY url="));
        long next = (Long) all.get("next");
        assertThat((List<?>) admin.get("/admin/console?since=" + next).dataMap().get("lines")).isEmpty();
        assertThat(admin.get("/admin/console?since=-1").status()).isEqualTo(400);
    }

    @Test
    @SuppressWarnings("unchecked")
    void boardNamesWhatRunsOnIt() {
        Map<String, Object> status = (Map<String, Object>) admin.get("/admin/board").dataMap().get("status");
        assertThat(status).containsEntry("state", "running").containsEntry("interpreter", "JVM reference server");
        assertThat(admin.get("/admin/board").dataMap().get("flash_pins")).isEqualTo(List.of(6L, 7L, 8L, 9L, 10L, 11L));
    }
}
