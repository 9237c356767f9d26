package io.uconform.kind.esp32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uconform.console.ConsoleLine;
import io.uconform.profile.Limits;
import io.uconform.profile.Profile;
import io.uconform.simulator.host.FirmwareLocator;
import io.uconform.spi.RunningTarget;
import io.uconform.spi.Target;
import io.uconform.spi.TargetKind;
import io.uconform.spi.TargetKinds;
import io.uconform.spi.TargetSpec;
import io.uconform.testsupport.Boards;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The whole real-board chain against the virtual ESP32 with the reference firmware, through the kind. */
@Timeout(180)
class VirtualEsp32TargetTest {

    @Test
    void theReferenceFirmwareBootsOnTheVirtualEsp32AndServes() throws Exception {
        assumeTrue(Boards.pythonAvailable(), "python3 is not on PATH: the virtual ESP32 runs code with it");
        assumeTrue(FirmwareLocator.referenceFirmware().isPresent(), "the reference firmware was not found");
        TargetKind kind = TargetKinds.require("esp32");
        TargetSpec spec = new TargetSpec("esp32", Map.of("virtual", "esp32", "boot-timeout-seconds", "90"),
                new Profile("reference", "", Set.of(), Map.of(), Limits.reference(),
                        Map.of("authUser", "admin", "authPassword", "virt-pass-1"), Map.of()));
        assertThat(kind.availability(spec).isAvailable()).as(kind.availability(spec).reason()).isTrue();
        try (Target target = kind.create(spec)) {
            assertThat(target.name()).isEqualTo("esp32@virtual-esp32");
            RunningTarget running = target.start();
            assertThat(running.baseUri().getHost()).isEqualTo("127.0.0.1");
            HttpResponse<String> root = HttpClient.newHttpClient().send(HttpRequest.newBuilder(running.baseUri())
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(root.statusCode()).isEqualTo(200);
            assertThat(root.body()).startsWith("{\"data\":");
            assertThat(running.probe().unavailableReason()).isEmpty();
            assertThat(running.facts()).containsKey("board");
            String expected = io.uconform.simulator.host.Interpreter.find("micropython").isPresent() ? "micropython " : "cpython ";
            assertThat(running.facts().get("interpreter")).as("which interpreter ran the board's code").startsWith(expected);
            assertThat(running.console().lines()).extracting(ConsoleLine::text)
                    .anyMatch(l -> l.startsWith("UCONFORM NET mode=sta ssid=uconform-virtual-ap"))
                    .anyMatch(l -> l.startsWith("UCONFORM READY url=http://127.0.0.1:"));

            // machine.reset() ends the interpreter; the board reboots and serves at the same URL
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> reset = client.send(HttpRequest.newBuilder(running.baseUri().resolve("/system/reset"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            "admin:virt-pass-1".getBytes(java.nio.charset.StandardCharsets.UTF_8)))  // AUTH-07
                    .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reset.statusCode()).isBetween(200, 299);
            int mark = running.console().lines().size();
            Awaitility.await("the virtual ESP32 reboots and announces the same URL").atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(running.console().lines().stream().skip(mark).map(ConsoleLine::text))
                            .anyMatch(l -> l.startsWith("UCONFORM READY url=" + running.baseUri())));
            assertThat(client.send(HttpRequest.newBuilder(running.baseUri()).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }
}
