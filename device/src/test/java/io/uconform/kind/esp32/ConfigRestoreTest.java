package io.uconform.kind.esp32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uconform.console.ConsoleLine;
import io.uconform.credentials.WifiCredentials;
import io.uconform.link.Link;
import io.uconform.probe.BoardProbe;
import io.uconform.profile.Profiles;
import io.uconform.simulator.host.FirmwareLocator;
import io.uconform.spi.RunningTarget;
import io.uconform.spi.TargetSpec;
import io.uconform.testsupport.Boards;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A run that changes the device's configuration (as BOOT-02 does with throwaway passwords) leaves
 * the board with its real configuration: closing the target writes config.json again.
 */
@Timeout(150)
class ConfigRestoreTest {

    private static final WifiCredentials NETWORK = new WifiCredentials("bench-net", "bench-password-7Q");

    @Test
    void closingTheTargetWritesTheRealConfigurationBack() throws Exception {
        assumeTrue(Boards.pythonAvailable(), "python3 is not on PATH: the virtual ESP32 runs code with it");
        assumeTrue(FirmwareLocator.referenceFirmware().isPresent(), "the reference firmware was not found");
        TargetSpec spec = new TargetSpec("esp32", Map.of("virtual", "esp32", "boot-timeout-seconds", "90"),
                Profiles.load("reference"));
        Esp32TargetOptions options = Esp32TargetOptions.parse(spec, Map.of()).withApp(FirmwareLocator.referenceFirmware().get());
        VirtualBoardConnection board = VirtualBoardConnection.start(options.virtual().orElseThrow(), false,
                Optional.of(NETWORK), io.uconform.probe.LoopbackWires.none());
        Path config = Path.of(board.facts().get("virtual.fs")).resolve("config.json");
        AtomicReference<String> configAtClose = new AtomicReference<>();
        Esp32Target target = new Esp32Target(options, () -> new ConfigSnapshotOnClose(board, config, configAtClose),
                List.of());
        RunningTarget running;
        try {
            running = target.start();
            HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    running.baseUri().resolve("/config")).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Authorization", basic(options.auth().orElseThrow()))  // AUTH-07
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"sta\":{\"password\":\"throwaway-1234\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).as("PUT /config: %s", put.body()).isEqualTo(200);
            assertThat(Files.readString(config)).as("config.json after the PUT").contains("throwaway-1234");
        } finally {
            target.close();
        }
        assertThat(configAtClose.get()).as("config.json when the board was let go")
                .contains(NETWORK.password()).doesNotContain("throwaway-1234");
        assertThat(running.console().lines()).extracting(ConsoleLine::text)
                .contains("[uconform] restored config.json after the run")
                .noneMatch(l -> l.contains(NETWORK.password()));
    }

    /** The virtual board, whose config.json is read just before its temporary filesystem goes. */
    private record ConfigSnapshotOnClose(VirtualBoardConnection board, Path config, AtomicReference<String> snapshot)
            implements BoardConnection {

        @Override
        public Link open() throws IOException {
            return board.open();
        }

        @Override
        public Optional<WifiCredentials> wifi() {
            return board.wifi();
        }

        @Override
        public BoardProbe probe() {
            return board.probe();
        }

        @Override
        public boolean loopbackServer() {
            return board.loopbackServer();
        }

        @Override
        public Map<String, String> facts() {
            return board.facts();
        }

        @Override
        public void close() {
            try {
                snapshot.set(Files.readString(config, StandardCharsets.UTF_8));
            } catch (IOException e) {
                snapshot.set("unreadable: " + e);
            } finally {
                board.close();
            }
        }
    }

    static String basic(io.uconform.credentials.AuthCredentials auth) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((auth.user() + ":" + auth.password())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
