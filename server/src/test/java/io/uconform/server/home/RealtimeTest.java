package io.uconform.server.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.uconform.server.App;
import io.uconform.server.ReferenceServer;
import io.uconform.server.ServerOptions;
import io.uconform.server.board.DeviceConfig;
import io.uconform.server.board.DeviceSettings;
import io.uconform.server.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RealtimeTest {

    @Test
    void boardEventsReachSubscribersAndTheHome() throws Exception {
        DeviceConfig config = new DeviceConfig(DeviceSettings.defaults("dev-1", "esp32-devkitc"));
        App app = new App("rt");
        try (FakeHome home = new FakeHome();
             Realtime realtime = Realtime.install(app, ServerOptions.defaults(), config, () -> 42);
             ReferenceServer server = ReferenceServer.start(app, ServerOptions.defaults());
             RawHttp sse = RawHttp.connect(server.port())) {
            config.update(Map.of("home", Map.of("url", home.url())));
            sse.get("/events").readHead();
            await("subscriber registered").atMost(Duration.ofSeconds(3))
                    .until(() -> realtime.hub().stream(Realtime.EVENTS).subscriberCount() == 1);
            realtime.pinChanged(2, 1, 1234);
            realtime.boot("soft");
            String stream = readUntil(sse, "event: boot");
            assertThat(stream).contains("event: pin\nid: 1\ndata: {\"pin\":2,\"value\":1,\"t_ms\":1234}\n\n")
                    .contains("event: boot\nid: 2\n");
            await("both events posted home").atMost(Duration.ofSeconds(5)).until(() -> home.posts().size() == 2);
            assertThat(home.posts().get(0).body()).isEqualTo(
                    "{\"event\":\"pin\",\"device\":\"dev-1\",\"seq\":1,\"data\":{\"pin\":2,\"value\":1,\"t_ms\":1234}}");
            assertThat(home.posts().get(1).body()).contains("\"event\":\"boot\"").contains("\"reset_cause\":\"soft\"");
        }
    }

    @Test
    void queuedEventsForAnOldHomeAreDroppedWhenTheUrlChanges() throws Exception {
        DeviceConfig config = new DeviceConfig(DeviceSettings.defaults("dev-2", "esp32-devkitc"));
        try (FakeHome old = new FakeHome(FakeHome.HANG); FakeHome next = new FakeHome();
             Realtime realtime = Realtime.install(new App("rt"), ServerOptions.defaults(), config, () -> 0)) {
            config.update(Map.of("home", Map.of("url", old.url())));
            realtime.pinChanged(4, 1, 10);
            realtime.pinChanged(4, 0, 20);
            await("first post reaches the old home").atMost(Duration.ofSeconds(5)).until(() -> old.posts().size() == 1);
            config.update(Map.of("home", Map.of("url", next.url())));
            realtime.pinChanged(4, 1, 30);
            await("the new event reaches the new home").atMost(Duration.ofSeconds(10))
                    .until(() -> next.posts().size() == 1);
            assertThat(next.posts().get(0).body()).contains("\"t_ms\":30");
            assertThat(old.posts()).hasSize(1);
        }
    }

    private static String readUntil(RawHttp http, String marker) throws Exception {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[1024];
        while (seen.indexOf(marker) < 0) {
            int n = http.input().read(buffer);
            if (n < 0) {
                break;
            }
            seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        // drop the chunk-size lines so the event text reads as sent
        return seen.toString().replaceAll("\r\n[0-9a-f]+\r\n", "").replaceAll("^[0-9a-f]+\r\n", "");
    }
}
