package io.uconform.simulator.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.uconform.simulator.SimulatedDevice;
import io.uconform.simulator.SimulatorOptions;
import io.uconform.simulator.SseReader;
import io.uconform.simulator.TestApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class LiveFeedTest {

    private final SimulatedDevice device = SimulatedDevice.start(SimulatorOptions.defaults());
    private final SseReader feed = new SseReader(device.adminUri().resolve("/admin/live"));

    @AfterEach
    void stop() {
        feed.close();
        device.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void helloCarriesTheWholeStateThenOnlyChangesArrive() {
        await("hello on " + device.adminUri()).atMost(Duration.ofSeconds(5)).until(() -> !feed.events("hello", d -> true).isEmpty());
        Map<String, Object> hello = (Map<String, Object>) feed.events("hello", d -> true).get(0).data();
        assertThat((List<?>) hello.get("pins")).hasSize(34);
        assertThat((Map<String, Object>) hello.get("status")).containsEntry("state", "running");
        assertThat((List<Map<String, Object>>) hello.get("console")).extracting(l -> (String) l.get("text"))
                .anySatisfy(t -> assertThat(t).startsWith("UCONFORM READY"));

        new TestApi(device.baseUri()).get("/led/on");

        await("a pins event with GPIO2 at 1").atMost(Duration.ofSeconds(2)).until(() -> !feed.events("pins",
                d -> ((List<Map<String, Object>>) d).stream().anyMatch(p -> p.get("pin").equals(2L) && p.get("level").equals(1L)))
                .isEmpty());
        List<SseReader.Event> pins = feed.events("pins", d -> true);
        assertThat(pins).allSatisfy(e -> assertThat((List<?>) e.data()).as("only changed pins").hasSizeLessThan(3));
        await("the timeline event").atMost(Duration.ofSeconds(2)).until(() -> !feed.events("timeline",
                d -> ((List<Map<String, Object>>) d).stream().anyMatch(e -> "pin_change".equals(e.get("kind")))).isEmpty());
    }

    @Test
    void consoleLinesAndResetsArriveAsTheyHappen() {
        await("hello").atMost(Duration.ofSeconds(5)).until(() -> !feed.events("hello", d -> true).isEmpty());
        device.console().accept("a line from the firmware");
        device.reset(io.uconform.simulator.board.ResetCause.WATCHDOG);
        await("the console line").atMost(Duration.ofSeconds(2)).until(() -> !feed.events("console",
                d -> d.toString().contains("a line from the firmware")).isEmpty());
        await("the board event of the reboot").atMost(Duration.ofSeconds(2)).until(() -> !feed.events("board",
                d -> d.toString().contains("reset_cause=watchdog")).isEmpty());
    }
}
