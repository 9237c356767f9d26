package io.uconform.kind.esp32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uconform.probe.BoardProbe;
import io.uconform.probe.LoopbackProbe;
import io.uconform.probe.PinInput;
import io.uconform.probe.ProbeAbility;
import io.uconform.profile.Profiles;
import io.uconform.simulator.board.ActiveFault;
import io.uconform.simulator.host.FirmwareLocator;
import io.uconform.spi.RunningTarget;
import io.uconform.spi.TargetSpec;
import io.uconform.testsupport.Boards;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hardware probe path end to end: the reference firmware on the virtual ESP32, jumper wires on
 * its virtual board ({@code 2>18}: LED sensed on 18; {@code 21>0}: BOOT button driven from 21), and
 * the {@link LoopbackProbe} reading and driving them through the firmware's own pin routes.
 */
@Timeout(120)
class LoopbackProbeOnVirtualEsp32Test {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static VirtualBoardConnection connection;
    private static Esp32Target target;
    private static RunningTarget running;

    @BeforeAll
    static void bootTheWiredBoard() {
        assumeTrue(Boards.pythonAvailable(), "python3 is not on PATH: the virtual ESP32 runs code with it");
        assumeTrue(FirmwareLocator.referenceFirmware().isPresent(), "the reference firmware was not found");
        TargetSpec spec = new TargetSpec("esp32", Map.of("virtual", "esp32", "loopback", "2>18,21>0",
                "boot-timeout-seconds", "90"), Profiles.load("reference"));
        Esp32TargetOptions options = Esp32TargetOptions.parse(spec, Map.of()).withApp(FirmwareLocator.referenceFirmware().get());
        connection = VirtualBoardConnection.start(options.virtual().orElseThrow(), false, java.util.Optional.empty(),
                options.loopback().orElseThrow().wires());
        target = new Esp32Target(options, () -> connection, List.of());
        running = target.start();
    }

    @AfterAll
    static void stop() {
        if (target != null) {
            target.close();
        }
    }

    @AfterEach
    void clearFaults() {
        if (connection != null) {
            connection.board().setFaults(List.of());
        }
    }

    @Test
    void theTargetsProbeIsTheLoopbackOne() {
        assertThat(running.probe()).isInstanceOf(LoopbackProbe.class);
        assertThat(running.probe().unavailableReason()).isEmpty();
        assertThat(running.facts()).containsEntry("probe", "loopback 2>18,21>0");
    }

    @Test
    void theLedIsSeenOnAndOffThroughTheWire() throws Exception {
        BoardProbe probe = running.probe();
        get("/led/on");
        assertThat(probe.read(2).value()).as("LED level through wire 2>18 after /led/on").isEqualTo(1);
        get("/led/off");
        assertThat(probe.read(2).value()).as("LED level through wire 2>18 after /led/off").isZero();
        assertThat(connection.board().pin(18).mode().wireName()).as("sense pin made an input").isEqualTo("in");
    }

    @Test
    void aSensePinSomethingElseReconfiguredIsMadeAnInputAgainBeforeItIsRead() throws Exception {
        BoardProbe probe = running.probe();
        get("/led/off");
        probe.read(2);
        assertThat(send("PUT", "/gpio/18", "{\"mode\":\"out\",\"value\":1}").statusCode()).isEqualTo(200);
        assertThat(probe.read(2).value()).as("LED level, not sense pin 18's own latch").isZero();
        assertThat(connection.board().pin(18).mode().wireName()).isEqualTo("in");
    }

    @Test
    void theButtonDrivenThroughTheWireIsReadByTheServer() throws Exception {
        BoardProbe probe = running.probe();
        assertThat(send("PUT", "/gpio/0", "{\"mode\":\"in\",\"pull\":\"up\"}").statusCode()).isEqualTo(200);
        try {
            probe.drive(0, PinInput.level(0));
            assertThat(get("/gpio/0")).as("GET /gpio/0 with 21 driving it low").contains("\"value\": 0");
            probe.drive(0, PinInput.level(1));
            assertThat(get("/gpio/0")).as("GET /gpio/0 with 21 driving it high").contains("\"value\": 1");
        } finally {
            probe.drive(0, PinInput.level(1));
        }
    }

    @Test
    void aDeadLedFailsTheLedCheckThroughTheWire() throws Exception {
        connection.board().setFaults(List.of(ActiveFault.parse("DEAD_LED", connection.board().profile())));
        String answer = get("/led/on");
        assertThat(answer).as("the firmware believes the LED is on").contains("\"value\": 1");
        assertThat(running.probe().read(2).value()).as("what the wire sees of a dead LED").isZero();
    }

    @Test
    void whatAWireCannotShowIsNamedPerPin() {
        BoardProbe probe = running.probe();
        assertThat(probe.cannot(ProbeAbility.READ_LEVEL, 4)).get().asString().contains("pin 4 is not wired");
        assertThat(probe.cannot(ProbeAbility.READ_MODE_AND_PULL, 2)).get().asString()
                .contains("the loopback probe sees levels only: pin 2's mode and pull is not observable");
        assertThat(probe.cannot(ProbeAbility.TIMELINE, 2)).isPresent();
        assertThat(probe.cannot(ProbeAbility.DRIVE_ANALOG, 34)).isPresent();
    }

    private static String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> reply = send("GET", path, null);
        assertThat(reply.statusCode()).as("GET %s: %s", path, reply.body()).isEqualTo(200);
        return reply.body();
    }

    private static HttpResponse<String> send(String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(running.baseUri() + path.substring(1)))
                .timeout(Duration.ofSeconds(10)).method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
