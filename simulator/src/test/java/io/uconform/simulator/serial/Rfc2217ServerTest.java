package io.uconform.simulator.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.uconform.link.InMemoryLink;
import io.uconform.simulator.esp32.ChipModel;
import io.uconform.simulator.esp32.Esp32Options;
import io.uconform.simulator.esp32.SyntheticFirmware;
import io.uconform.simulator.esp32.VirtualEsp32;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The RFC 2217 server, driven by a client written from the RFC, over loopback. */
@Timeout(30)
class Rfc2217ServerTest {

    private InMemoryLink.Pair serial;
    private Rfc2217Server server;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        serial = InMemoryLink.pair("rfc2217-test");
        serial.device().onPeerControlLines((dtr, rts) -> lines.add((dtr ? "D" : "d") + (rts ? "R" : "r")));
        server = Rfc2217Server.start(serial.host(), 0, log::add);
    }

    @AfterEach
    void stop() {
        server.close();
        serial.host().close();
    }

    @Test
    void agreesToTheComPortOptionAndAnswersSettingsWithTheValueInEffect() throws Exception {
        try (ComPortClient client = new ComPortClient(server.port())) {
            client.raw(ComPortClient.IAC, ComPortClient.WILL, ComPortClient.COM_PORT);
            assertThat(client.awaitNegotiation()).containsExactly(ComPortClient.DO, ComPortClient.COM_PORT);
            client.setBaud(921_600);
            assertThat(ByteBuffer.wrap(client.awaitAnswer(1)).getInt()).isEqualTo(921_600);
            await("the serial side's rate").atMost(Duration.ofSeconds(2)).until(() -> serial.host().baudRate() == 921_600);
            client.setBaud(0); // a query
            assertThat(ByteBuffer.wrap(client.awaitAnswer(1)).getInt()).isEqualTo(921_600);
            client.command(2, new byte[] {8});
            assertThat(client.awaitAnswer(2)).containsExactly(8);
            client.command(12, new byte[] {3});
            assertThat(client.awaitAnswer(12)).as("PURGE-DATA both buffers").containsExactly(3);
            assertThat(server.url()).isEqualTo("rfc2217://127.0.0.1:" + server.port());
        }
    }

    @Test
    void dtrAndRtsReachTheSerialSideAndTheClassicReleaseStepChangesBothAtOnce() throws Exception {
        try (ComPortClient client = new ComPortClient(server.port())) {
            client.setControl(9); // DTR off
            client.awaitAnswer(5);
            client.setControl(11); // RTS on: chip held in reset
            assertThat(client.awaitAnswer(5)).containsExactly(11);
            holdReset();
            client.setControl(8); // DTR on: the release step
            assertThat(client.awaitAnswer(5)).containsExactly(8);
            client.setControl(12); // RTS off
            client.awaitAnswer(5);
            client.setControl(9);
            client.awaitAnswer(5);
            assertThat(lines).as("reset held, then released straight into DTR-only: never both asserted")
                    .containsSubsequence("dR", "Dr", "dr").doesNotContain("DR");
            client.setControl(7); // DTR state?
            assertThat(client.awaitAnswer(5)).containsExactly(9);
        }
    }

    @Test
    void aResetPulseShorterThanTheClassicOnesIsPassedOnLineByLine() throws Exception {
        try (ComPortClient client = new ComPortClient(server.port())) {
            for (int v : new int[] {9, 11, 8}) { // esptool-js 0.7's setRTS(true) with its stale DTR state: RTS, then DTR
                client.setControl(v);
                client.awaitAnswer(5);
            }
            assertThat(lines).containsSubsequence("dR", "DR");
        }
    }

    /** The classic sequence keeps the chip in reset for 100 ms before it releases it. */
    private static void holdReset() {
        await("the classic sequence's 100 ms in reset").pollDelay(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1))
                .until(() -> true);
    }

    @Test
    void doublesIacInDataBothWays() throws Exception {
        try (ComPortClient client = new ComPortClient(server.port())) {
            client.write(new byte[] {'a', (byte) 0xFF, (byte) 0xFF, 'b'});
            serial.device().setReadTimeout(Duration.ofSeconds(5));
            assertThat(serial.device().input().readNBytes(3)).containsExactly('a', 0xFF, 'b');
            serial.device().output().write(new byte[] {(byte) 0xFF, 'c'});
            assertThat(client.readRaw(3)).containsExactly(0xFF, 0xFF, 'c');
        }
    }

    @Test
    void servesOneClientAtATimeAndReleasesTheLinesWhenItLeaves() throws Exception {
        ComPortClient first = new ComPortClient(server.port());
        first.setControl(8);
        first.awaitAnswer(5);
        try (ComPortClient second = new ComPortClient(server.port())) {
            assertThat(second.closedWithin(Duration.ofSeconds(3))).as("a second client is turned away").isTrue();
        }
        first.close();
        await("the lines released as a closed port drops them").atMost(Duration.ofSeconds(3))
                .until(() -> !lines.isEmpty() && lines.get(lines.size() - 1).equals("dr"));
        try (ComPortClient again = new ComPortClient(server.port())) {
            again.setControl(7);
            assertThat(again.awaitAnswer(5)).as("the next client is served").containsExactly(9);
        }
        assertThat(log).anyMatch(l -> l.startsWith("client connected")).anyMatch(l -> l.startsWith("refused"));
    }

    @Test
    void esptoolsClassicResetOverRfc2217PutsTheVirtualEsp32IntoItsLoaderAndAHardResetBootsTheApp(@TempDir Path fs)
            throws Exception {
        try (VirtualEsp32 esp = VirtualEsp32.create(Esp32Options.of(ChipModel.ESP32, fs).withoutFlashTiming());
             Rfc2217Server board = Rfc2217Server.start(esp.hostLink(), 0, line -> { });
             ComPortClient client = new ComPortClient(board.port())) {
            esp.preload(0x1000, SyntheticFirmware.otherApplication(0x4000, 1));
            // esptool's ClassicReset through pyserial: one SET-CONTROL per line change, 100 ms in reset
            for (int v : new int[] {9, 11, 9, 8, 12, 8, 9}) {
                if (v == 8) {
                    holdReset();
                }
                client.setControl(v);
                client.awaitAnswer(5);
            }
            await("the ROM download mode").atMost(Duration.ofSeconds(3))
                    .until(() -> esp.state() == VirtualEsp32.State.BOOTLOADER);
            for (int v : new int[] {11, 9, 12}) { // esptool's HardReset: RTS pulse
                client.setControl(v);
                client.awaitAnswer(5);
            }
            await("the app in flash running").atMost(Duration.ofSeconds(3))
                    .until(() -> esp.state() == VirtualEsp32.State.HALTED);
        }
    }
}
